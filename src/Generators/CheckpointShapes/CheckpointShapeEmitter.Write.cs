using Inquir.Typed.Generators.Emitting;

namespace Inquir.Typed.Generators.CheckpointShapes
{
    /// <summary>The writing half of a serializer: <c>Write</c>, and the statements that write one value.</summary>
    internal static partial class CheckpointShapeEmitter
    {
        private static void WriteBody(IndentedWriter w, CheckpointShape shape)
        {
            if (!shape.IsValueType && shape.Kind != ShapeKind.Enum && shape.Kind > ShapeKind.Bytes)
            {
                w.Lines("""
                    if (value is null)
                    {
                        writer.WriteNullValue();
                        return;
                    }

                    """);
            }

            switch (shape.Kind)
            {
                case ShapeKind.Enum:
                    WriteEnum(w, shape);
                    break;
                case ShapeKind.Nullable:
                    w.Lines($$"""
                        if (value.HasValue)
                        {
                            {{WriteValue(shape.Element!, "value.GetValueOrDefault()")}}
                        }
                        else
                        {
                            writer.WriteNullValue();
                        }
                        """);
                    break;
                case ShapeKind.Array:
                case ShapeKind.List:
                    w.Lines($$"""
                        writer.WriteStartArray();
                        for (var i = 0; i < value.{{(shape.Kind == ShapeKind.Array ? "Length" : "Count")}}; i++)
                        {
                            {{WriteValue(shape.Element!, "value[i]")}}
                        }
                        writer.WriteEndArray();
                        """);
                    break;
                case ShapeKind.ListInterface:
                    w.Line("writer.WriteStartArray();");
                    WriteEach(w, $"value is {List}<{shape.Element!.TypeName}> list", "list", "item", WriteValue(shape.Element, "item"));
                    w.Line("writer.WriteEndArray();");
                    break;
                case ShapeKind.Dictionary:
                case ShapeKind.DictionaryInterface:
                    var writePair = $"{Json}.WritePropertyName(writer, pair.Key);\n" + WriteValue(shape.Element!, "pair.Value");
                    w.Line("writer.WriteStartObject();");
                    if (shape.Kind == ShapeKind.Dictionary)
                    {
                        w.Line("foreach (var pair in value)");
                        using (w.Block())
                        {
                            w.Lines(writePair);
                        }
                    }
                    else
                    {
                        WriteEach(w, $"value is {Dictionary}<string, {shape.Element!.TypeName}> dictionary", "dictionary", "pair", writePair);
                    }

                    w.Line("writer.WriteEndObject();");
                    break;
                case ShapeKind.Object:
                    WriteObject(w, shape);
                    break;
                default:
                    w.Line(WriteValue(new ShapeRef(shape.Kind, shape.TypeName, shape.Id), "value"));
                    break;
            }
        }

        /// <summary>A loop over a collection interface, with a fast path for the concrete type that has a struct enumerator.</summary>
        private static void WriteEach(IndentedWriter w, string fastTest, string fastName, string item, string body)
        {
            w.Lines($$"""
                if ({{fastTest}})
                {
                    foreach (var {{item}} in {{fastName}})
                    {
                """);
            using (w.Indent())
            using (w.Indent())
            {
                w.Lines(body);
            }

            w.Lines($$"""
                    }
                }
                else
                {
                    foreach (var {{item}} in value)
                    {
                """);
            using (w.Indent())
            using (w.Indent())
            {
                w.Lines(body);
            }

            w.Lines("""
                    }
                }
                """);
        }

        private static void WriteEnum(IndentedWriter w, CheckpointShape shape)
        {
            w.Line("switch (value)");
            using (w.Block())
            {
                for (var i = 0; i < shape.EnumMembers.Count; i++)
                {
                    w.Lines($$"""
                        case {{shape.TypeName}}.{{shape.EnumMembers[i].Name}}:
                            writer.WriteStringValue({{NameField(i)}});
                            return;
                        """);
                }

                w.Lines($$"""
                    default:
                        {{Json}}.WriteEnumWithoutName(writer, value);
                        return;
                    """);
            }
        }

        private static void WriteObject(IndentedWriter w, CheckpointShape shape)
        {
            w.Line("writer.WriteStartObject();");
            for (var i = 0; i < shape.Members.Count; i++)
            {
                var member = shape.Members[i];
                var access = "value." + member.Name;
                var write = WriteNamed(member.Type, NameField(i), access);
                var condition = member.Write switch
                {
                    WriteCondition.WhenNotDefault when member.IsValueType =>
                        $"!global::System.Collections.Generic.EqualityComparer<{member.Type.TypeName}>.Default.Equals({access}, default)",
                    WriteCondition.WhenNotDefault or WriteCondition.WhenNotNull => access + " is not null",
                    _ => null,
                };
                if (condition is null)
                {
                    w.Lines(write);
                    continue;
                }

                w.Line($"if ({condition})");
                using (w.Block())
                {
                    w.Lines(write);
                }
            }

            w.Line("writer.WriteEndObject();");
        }

        /// <summary>
        /// A statement that writes a property name and value, with the writer's combined call where there is one. A
        /// string goes through <c>CheckpointJson</c>, which refuses one longer than the writer takes before the writer
        /// can throw its own error, so that an output too large to store fails as that and is not retried.
        /// </summary>
        private static string WriteNamed(ShapeRef type, string name, string value) => type.Kind switch
        {
            ShapeKind.Boolean => $"writer.WriteBoolean({name}, {value});",
            ShapeKind.Byte or ShapeKind.SByte or ShapeKind.Int16 or ShapeKind.UInt16 => $"writer.WriteNumber({name}, (int){value});",
            ShapeKind.Int32 or ShapeKind.UInt32 or ShapeKind.Int64 or ShapeKind.UInt64 or ShapeKind.Single or ShapeKind.Double or ShapeKind.Decimal
                => $"writer.WriteNumber({name}, {value});",
            ShapeKind.String => $"{Json}.WriteString(writer, {name}, {value});",
            ShapeKind.Guid or ShapeKind.DateTime or ShapeKind.DateTimeOffset => $"writer.WriteString({name}, {value});",
            _ => $"writer.WritePropertyName({name});\n{WriteValue(type, value)}",
        };

        /// <summary>A statement that writes one value (a string through <c>CheckpointJson</c>, as in <see cref="WriteNamed"/>).</summary>
        private static string WriteValue(ShapeRef type, string value) => type.Kind switch
        {
            ShapeKind.Boolean => $"writer.WriteBooleanValue({value});",
            ShapeKind.Byte or ShapeKind.SByte or ShapeKind.Int16 or ShapeKind.UInt16 => $"writer.WriteNumberValue((int){value});",
            ShapeKind.Int32 or ShapeKind.UInt32 or ShapeKind.Int64 or ShapeKind.UInt64 or ShapeKind.Single or ShapeKind.Double or ShapeKind.Decimal
                => $"writer.WriteNumberValue({value});",
            ShapeKind.String => $"{Json}.WriteString(writer, {value});",
            ShapeKind.Guid or ShapeKind.DateTime or ShapeKind.DateTimeOffset => $"writer.WriteStringValue({value});",
            ShapeKind.Char => $"{Json}.WriteChar(writer, {value});",
            ShapeKind.DateOnly => $"{Json}.WriteDateOnly(writer, {value});",
            ShapeKind.TimeOnly => $"{Json}.WriteTimeOnly(writer, {value});",
            ShapeKind.TimeSpan => $"{Json}.WriteTimeSpan(writer, {value});",
            ShapeKind.Uri => $"{Json}.WriteUri(writer, {value});",
            ShapeKind.Bytes => $"{Json}.WriteBytes(writer, {value});",
            _ => $"{type.Id}.Instance.Write(writer, {value});",
        };
    }
}

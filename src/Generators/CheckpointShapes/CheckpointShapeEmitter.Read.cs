using System.Collections.Generic;
using Inquir.Typed.Generators.Emitting;
using static Inquir.Typed.Generators.Emitting.CSharpText;

namespace Inquir.Typed.Generators.CheckpointShapes
{
    /// <summary>The reading half of a serializer: <c>Read</c>, and the expressions that read one value.</summary>
    internal static partial class CheckpointShapeEmitter
    {
        private static void ReadBody(IndentedWriter w, CheckpointShape shape)
        {
            var display = Literal(Readable(shape.TypeName));
            switch (shape.Kind)
            {
                case ShapeKind.Enum:
                    ReadEnum(w, shape);
                    return;
                case ShapeKind.Nullable:
                    w.Line($"return reader.TokenType == {Token}.Null ? null : ({shape.TypeName}){ReadValue(shape.Element!)};");
                    return;
                case ShapeKind.Array:
                case ShapeKind.List:
                case ShapeKind.ListInterface:
                    w.Lines($$"""
                        if ({{Json}}.IsNullElseStartArray(ref reader, {{display}}))
                        {
                            return null;
                        }

                        var items = new {{List}}<{{shape.Element!.TypeName}}>();
                        while ({{Json}}.NextItem(ref reader))
                        {
                            items.Add({{ReadValue(shape.Element)}});
                        }
                        {{(shape.Kind == ShapeKind.Array ? "return items.ToArray();" : "return items;")}}
                        """);
                    return;
                case ShapeKind.Dictionary:
                case ShapeKind.DictionaryInterface:
                    w.Lines($$"""
                        if ({{Json}}.IsNullElseStartObject(ref reader, {{display}}))
                        {
                            return null;
                        }

                        var items = new {{Dictionary}}<string, {{shape.Element!.TypeName}}>();
                        while ({{Json}}.NextKey(ref reader, out var key))
                        {
                            items[key] = {{ReadValue(shape.Element)}};
                        }
                        return items;
                        """);
                    return;
                case ShapeKind.Object:
                    ReadObject(w, shape, display);
                    return;
                default:
                    w.Line($"return {ReadValue(new ShapeRef(shape.Kind, shape.TypeName, shape.Id))};");
                    return;
            }
        }

        private static void ReadEnum(IndentedWriter w, CheckpointShape shape)
        {
            w.Line($"if (reader.TokenType == {Token}.String)");
            using (w.Block())
            {
                foreach (var member in shape.EnumMembers)
                {
                    w.Lines($$"""
                        if (reader.ValueTextEquals({{Literal(member.JsonName)}}u8))
                        {
                            return {{shape.TypeName}}.{{member.Name}};
                        }
                        """);
                }
            }

            w.Lines($$"""

                return {{Json}}.ReadEnum<{{shape.TypeName}}>(ref reader);
                """);
        }

        private static void ReadObject(IndentedWriter w, CheckpointShape shape, string display)
        {
            w.Lines(shape.IsValueType
                ? $"{Json}.ExpectStartOfValueType(ref reader, {display});"
                : $$"""
                    if ({{Json}}.IsNullElseStartObject(ref reader, {{display}}))
                    {
                        return null;
                    }
                    """);
            w.Line();

            var plan = new ObjectReadPlan(shape);
            foreach (var i in plan.Read)
            {
                w.Line($"{shape.Members[i].Type.TypeName} {ValueLocal(i)} = {shape.Members[i].DefaultValue ?? "default"};");
                if (plan.IsTracked(i))
                {
                    w.Line($"var {FoundLocal(i)} = false;");
                }
            }

            w.Line($"while (Names.Next(ref reader, out {(plan.Read.Count == 0 ? "_" : "var name")}))");
            using (w.Block())
            {
                ReadMembers(w, shape, plan);
            }

            w.Line();
            if (plan.Set.Count == 0 && plan.InitWithDefault.Count == 0)
            {
                w.Line($"return {Construction(shape, plan.Init, null)};");
                return;
            }

            WriteConstruction(w, shape, plan);
            foreach (var i in plan.Set)
            {
                w.Lines($$"""

                    if ({{FoundLocal(i)}})
                    {
                        result.{{shape.Members[i].Name}} = {{ValueLocal(i)}};
                    }
                    """);
            }

            w.Lines("""

                return result;
                """);
        }

        /// <summary>One case per member the JSON may fill, by its index in <c>Names</c>; the value of any other is skipped.</summary>
        private static void ReadMembers(IndentedWriter w, CheckpointShape shape, ObjectReadPlan plan)
        {
            if (plan.Read.Count == 0)
            {
                w.Line("reader.Skip();");
                return;
            }

            w.Line("switch (name)");
            using (w.Block())
            {
                // One line a case: a serializer has a case per property, and each line is parsed on every build.
                foreach (var i in plan.Read)
                {
                    var found = plan.IsTracked(i) ? $" {FoundLocal(i)} = true;" : string.Empty;
                    w.Line($"case {Number(i)}: {ValueLocal(i)} = {ReadValue(shape.Members[i].Type)};{found} break;");
                }

                if (plan.Read.Count < shape.Members.Count)
                {
                    w.Line("default: reader.Skip(); break;");
                }
            }
        }

        /// <summary>
        /// <c>var result = new T(…) { … };</c>. An init property with its own initializer is assigned only when the JSON
        /// has it; with one such property the branch that lacks it is the plain construction, with more each present one
        /// is copied in through <c>with</c>.
        /// </summary>
        private static void WriteConstruction(IndentedWriter w, CheckpointShape shape, ObjectReadPlan plan)
        {
            if (plan.InitWithDefault.Count == 0)
            {
                w.Line($"var result = {Construction(shape, plan.Init, null)};");
                return;
            }

            w.Line($"{shape.TypeName} result;");
            var allFound = new string[plan.InitWithDefault.Count];
            for (var k = 0; k < allFound.Length; k++)
            {
                allFound[k] = FoundLocal(plan.InitWithDefault[k]);
            }

            w.Lines($$"""
                if ({{string.Join(" && ", allFound)}})
                {
                    result = {{Construction(shape, plan.Init, plan.InitWithDefault)}};
                }
                else
                {
                    result = {{Construction(shape, plan.Init, null)}};
                """);
            using (w.Indent())
            {
                foreach (var i in plan.InitWithDefault.Count > 1 ? plan.InitWithDefault : new List<int>())
                {
                    w.Lines($$"""
                        if ({{FoundLocal(i)}})
                        {
                            result = result with { {{shape.Members[i].Name}} = {{ValueLocal(i)}} };
                        }
                        """);
                }
            }

            w.Line("}");
        }

        private static string Construction(CheckpointShape shape, List<int> initialized, List<int>? alsoInitialized)
        {
            var arguments = new List<string>();
            foreach (var i in shape.ConstructorArguments)
            {
                arguments.Add(ValueLocal(i));
            }

            var assignments = new List<string>();
            foreach (var group in new[] { initialized, alsoInitialized ?? new List<int>() })
            {
                foreach (var i in group)
                {
                    assignments.Add($"{shape.Members[i].Name} = {ValueLocal(i)}");
                }
            }

            var initializer = assignments.Count == 0 ? string.Empty : $" {{ {string.Join(", ", assignments)} }}";
            return $"new {shape.TypeName}({string.Join(", ", arguments)}){initializer}";
        }

        /// <summary>An expression that reads one value at the reader's current token.</summary>
        private static string ReadValue(ShapeRef type) => type.Kind switch
        {
            ShapeKind.Boolean => "reader.GetBoolean()",
            ShapeKind.Byte => "reader.GetByte()",
            ShapeKind.SByte => "reader.GetSByte()",
            ShapeKind.Int16 => "reader.GetInt16()",
            ShapeKind.UInt16 => "reader.GetUInt16()",
            ShapeKind.Int32 => "reader.GetInt32()",
            ShapeKind.UInt32 => "reader.GetUInt32()",
            ShapeKind.Int64 => "reader.GetInt64()",
            ShapeKind.UInt64 => "reader.GetUInt64()",
            ShapeKind.Single => "reader.GetSingle()",
            ShapeKind.Double => "reader.GetDouble()",
            ShapeKind.Decimal => "reader.GetDecimal()",
            ShapeKind.String => "reader.GetString()",
            ShapeKind.Guid => "reader.GetGuid()",
            ShapeKind.DateTime => "reader.GetDateTime()",
            ShapeKind.DateTimeOffset => "reader.GetDateTimeOffset()",
            ShapeKind.Char => Json + ".ReadChar(ref reader)",
            ShapeKind.DateOnly => Json + ".ReadDateOnly(ref reader)",
            ShapeKind.TimeOnly => Json + ".ReadTimeOnly(ref reader)",
            ShapeKind.TimeSpan => Json + ".ReadTimeSpan(ref reader)",
            ShapeKind.Uri => Json + ".ReadUri(ref reader)",
            ShapeKind.Bytes => Json + ".ReadBytes(ref reader)",
            _ => type.Id + ".Instance.Read(ref reader)",
        };
    }
}

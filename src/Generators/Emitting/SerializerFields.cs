using System.Collections.Generic;
using Inquir.Typed.Generators.CheckpointShapes;
using Inquir.Typed.Generators.Model;
using static Inquir.Typed.Generators.Emitting.CSharpText;

namespace Inquir.Typed.Generators.Emitting
{
    /// <summary>The static fields of a workflow class that hold its checkpoint serializers: one per type that crosses a step boundary.</summary>
    internal sealed class SerializerFields
    {
        private readonly List<Field> _all = new();
        private readonly Dictionary<string, Field> _byType = new();

        private SerializerFields()
        {
        }

        /// <summary>The fields in the order they are declared: input, each step's data and output, result.</summary>
        public IReadOnlyList<Field> All => _all;

        /// <summary>The name of the field that holds the serializer of <paramref name="type"/>.</summary>
        public string this[string type] => _byType[type].Name;

        public static SerializerFields Of(WorkflowModel model)
        {
            var fields = new SerializerFields();
            fields.Add(model.InputType, model.InputSerializer);
            foreach (var step in model.Steps)
            {
                if (step.DataEventPayload is { } payload)
                {
                    // EventResult<T> is read by the runtime's serializer around T's, declared after it.
                    fields.Add(payload, step.DataSerializer);
                    fields.AddField(step.DataType!, $"new global::Inquir.Typed.Generated.EventResultSerializer<{payload}>({fields[payload]})");
                }
                else
                {
                    fields.Add(step.DataType, step.DataSerializer);
                }

                fields.Add(step.OutputType, step.OutputSerializer);
            }

            fields.Add(model.ResultType, model.ResultSerializer);
            return fields;
        }

        private void Add(string? type, string? shapeId)
        {
            if (type is null || _byType.ContainsKey(type))
            {
                return;
            }

            AddField(type, shapeId is null ? "global::Inquir.Typed.Generated.CheckpointSerializers.NoValue" : CheckpointShapeNames.Instance(shapeId));
        }

        private void AddField(string type, string instance)
        {
            if (_byType.ContainsKey(type))
            {
                return;
            }

            var field = new Field(type, "InquirSerializer" + Number(_all.Count), instance);
            _all.Add(field);
            _byType.Add(type, field);
        }

        /// <summary>One field: the type it serializes, its name, and the serializer instance it holds.</summary>
        public sealed record Field(string Type, string Name, string Instance);
    }
}

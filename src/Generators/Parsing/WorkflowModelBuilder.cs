using System;
using System.Collections.Generic;
using System.Threading;
using Inquir.Typed.Generators.CheckpointShapes;
using Inquir.Typed.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Inquir.Typed.Generators.Parsing
{
    /// <summary>
    /// Builds the model of a workflow whose steps all parsed: checks that generated code can name its input and result,
    /// parses the checkpoint shape of every type that crosses a step boundary, and only then writes each step's model,
    /// with the id of its serializers.
    /// </summary>
    internal static class WorkflowModelBuilder
    {
        private const string NoValueType = "global::Inquir.Typed.NoValue";

        /// <summary>The model and its shapes, or nulls when an error stops generation (and is added to <paramref name="diagnostics"/>).</summary>
        public static (WorkflowModel? Model, List<CheckpointShape>? Shapes) Build(
            INamedTypeSymbol type,
            string workflowName,
            string queue,
            List<StepFacts> steps,
            KnownSymbols known,
            LocationInfo? classLocation,
            long? deadlineTicks,
            List<DiagnosticInfo> diagnostics,
            CancellationToken cancellationToken)
        {
            var input = steps[0].Data?.Type;
            var result = steps[steps.Count - 1].Output;
            CheckVisible(type, "input", input, classLocation, diagnostics);
            CheckVisible(type, "result", result, classLocation, diagnostics);
            foreach (var step in steps)
            {
                if (step.Events is not null)
                {
                    CheckVisible(type, "event payload", step.Output, classLocation, diagnostics);
                }
            }

            EventSenderNames.Check(type.Name, steps, classLocation, diagnostics);
            if (diagnostics.Count > 0)
            {
                return (null, null);
            }

            var shapes = new CheckpointShapeParser(known, cancellationToken);
            var serializerIds = new List<(string? Data, string? Output)>(steps.Count);
            var eventResults = new bool[steps.Count];
            for (var i = 0; i < steps.Count; i++)
            {
                var step = steps[i];

                // A step that takes the previous step's EventResult<T> reads it with the runtime's serializer around T's.
                eventResults[i] = i > 0 && step.Data is not null && StepChain.TakesEventResult(steps[i - 1], step.Data.Type, known);
                var data = step.Data is null
                    ? null
                    : shapes.AddRoot(eventResults[i] ? steps[i - 1].Output! : step.Data.Type, "the data parameter '" + step.Data.Name + "' of step '" + step.Name + "'", step.DataLocation);
                var output = step.Output is null ? null : shapes.AddRoot(step.Output, "the output of step '" + step.Name + "'", step.Location);
                serializerIds.Add((data, output));
            }

            diagnostics.AddRange(shapes.Diagnostics);
            if (diagnostics.Count > 0)
            {
                return (null, null);
            }

            var stepModels = new List<StepModel>(steps.Count);
            for (var i = 0; i < steps.Count; i++)
            {
                var step = steps[i];
                stepModels.Add(new StepModel(
                    step.Name,
                    step.Data?.Type.ToDisplayString(TypeNames.Annotated),
                    step.Parameters,
                    step.ReturnKind,
                    step.Output?.ToDisplayString(TypeNames.Annotated),
                    step.Policy!,
                    step.NonRetryable,
                    step.Idempotent,
                    serializerIds[i].Data,
                    serializerIds[i].Output,
                    step.Awaits,
                    step.Instruction is not null,
                    step.Events is null ? null : new EventModel(step.Events.Names, i + 1 < steps.Count && eventResults[i + 1], IsPublic(step.Output!)),
                    eventResults[i] ? steps[i - 1].Output!.ToDisplayString(TypeNames.Annotated) : null));
            }

            var fullName = type.ToDisplayString(TypeNames.TypeOf);
            var model = new WorkflowModel(
                workflowName,
                type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString(TypeNames.Namespace) : string.Empty,
                type.Name,
                type.IsRecord ? "record" : "class",
                fullName,
                HintName(fullName),
                ContainingTypes(type),
                IsPublic(type) && (input is null || IsPublic(input)) && (result is null || IsPublic(result)),
                stepModels[0].DataType ?? NoValueType,
                stepModels[0].DataType is null,
                input?.IsReferenceType ?? false,
                stepModels[stepModels.Count - 1].OutputType ?? NoValueType,
                input is null ? null : IdempotencyKeyFinder.Find(input, type, known, cancellationToken),
                EquatableArray<StepModel>.From(stepModels),
                serializerIds[0].Data,
                serializerIds[serializerIds.Count - 1].Output,
                LimitFinder.Find(type, workflowName, System.Linq.Enumerable.Select(stepModels, s => s.Name)),
                queue,
                deadlineTicks);
            return (model, shapes.Shapes);
        }

        private static void CheckVisible(INamedTypeSymbol workflow, string role, ITypeSymbol? type, LocationInfo? classLocation, List<DiagnosticInfo> diagnostics)
        {
            if (type is not null && !IsVisibleOutsideClass(type))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InaccessibleDataType, classLocation, workflow.Name, role, type.ToDisplayString()));
            }
        }

        private static EquatableArray<ContainingTypeModel> ContainingTypes(INamedTypeSymbol type)
        {
            var containing = new List<ContainingTypeModel>();
            for (var t = type.ContainingType; t is not null; t = t.ContainingType)
            {
                containing.Insert(0, new ContainingTypeModel(Keyword(t), t.Name));
            }

            return EquatableArray<ContainingTypeModel>.From(containing);
        }

        private static bool IsPublic(ITypeSymbol type) => type switch
        {
            IArrayTypeSymbol array => IsPublic(array.ElementType),
            INamedTypeSymbol named => IsChainAccessible(named, Accessibility.Public) && AllTypeArguments(named, IsPublic),
            _ => type.DeclaredAccessibility == Accessibility.Public,
        };

        /// <summary>Whether code at namespace level in the same assembly can name the type.</summary>
        private static bool IsVisibleOutsideClass(ITypeSymbol type) => type switch
        {
            IArrayTypeSymbol array => IsVisibleOutsideClass(array.ElementType),
            INamedTypeSymbol named => IsChainAccessible(named, Accessibility.Internal) && AllTypeArguments(named, IsVisibleOutsideClass),
            _ => true,
        };

        /// <summary>Whether the type and every type containing it are at least as visible as <paramref name="least"/> (public, or internal too).</summary>
        private static bool IsChainAccessible(INamedTypeSymbol type, Accessibility least)
        {
            for (var t = type; t is not null; t = t.ContainingType)
            {
                var ok = t.DeclaredAccessibility == Accessibility.Public
                    || (least == Accessibility.Internal && t.DeclaredAccessibility is Accessibility.Internal or Accessibility.NotApplicable);
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool AllTypeArguments(INamedTypeSymbol type, Func<ITypeSymbol, bool> test)
        {
            foreach (var argument in type.TypeArguments)
            {
                if (!test(argument))
                {
                    return false;
                }
            }

            return true;
        }

        private static string Keyword(INamedTypeSymbol type)
        {
            var prefix = type.IsStatic ? "static partial " : "partial ";
            if (type.IsRecord)
            {
                return prefix + (type.IsValueType ? "record struct" : "record");
            }

            return prefix + type.TypeKind switch
            {
                TypeKind.Struct => "struct",
                TypeKind.Interface => "interface",
                _ => "class",
            };
        }

        private static string HintName(string fullyQualifiedName)
        {
            var name = fullyQualifiedName.StartsWith("global::", StringComparison.Ordinal) ? fullyQualifiedName.Substring(8) : fullyQualifiedName;
            var chars = name.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                if (!char.IsLetterOrDigit(chars[i]) && chars[i] != '.' && chars[i] != '_')
                {
                    chars[i] = '_';
                }
            }

            return new string(chars) + ".g.cs";
        }
    }
}

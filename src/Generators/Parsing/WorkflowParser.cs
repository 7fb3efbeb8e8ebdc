using System;
using System.Collections.Generic;
using System.Threading;
using Inquir.Typed.Generators.CheckpointShapes;
using Inquir.Typed.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inquir.Typed.Generators.Parsing
{
    /// <summary>
    /// The pipeline's transform: turns a <c>[Workflow]</c> class into a <see cref="WorkflowParseResult"/>. Each step is
    /// read once into <see cref="StepFacts"/>; the chain check and the model build work from those.
    /// </summary>
    internal static class WorkflowParser
    {
        /// <summary>Returns null for a class that is not <c>partial</c>: an analyzer explains that.</summary>
        public static WorkflowParseResult? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            if (context.TargetSymbol is not INamedTypeSymbol type
                || type.TypeKind != TypeKind.Class
                || context.TargetNode is not TypeDeclarationSyntax declaration
                || !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return null;
            }

            var known = KnownSymbols.For(context.SemanticModel.Compilation);
            var diagnostics = new List<DiagnosticInfo>();
            var classLocation = LocationInfo.From(declaration.Identifier.GetLocation());

            var attribute = context.Attributes[0];
            var workflowName = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
            var nameSyntax = (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax)?.ArgumentList?.Arguments is { Count: > 0 } arguments ? arguments[0] : null;
            var nameLocation = LocationInfo.From(nameSyntax) ?? classLocation;
            if (workflowName is null || workflowName.Trim().Length == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EmptyWorkflowName, nameLocation, type.Name));
            }

            var queue = ReadQueue(type, attribute, classLocation, diagnostics, cancellationToken);
            var deadline = WorkflowDeadlineParser.Parse(type, attribute, diagnostics, cancellationToken);
            WorkflowClassRules.Check(type, classLocation, diagnostics, cancellationToken);
            var steps = ParseSteps(type, known, diagnostics, cancellationToken);
            if (steps.Count == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoSteps, classLocation, type.Name));
            }

            StepChain.Check(steps, known, diagnostics);

            WorkflowModel? model = null;
            List<CheckpointShape>? shapes = null;
            if (diagnostics.Count == 0)
            {
                (model, shapes) = WorkflowModelBuilder.Build(type, workflowName!, queue, steps, known, classLocation, deadline?.Ticks, diagnostics, cancellationToken);
            }

            var succeeded = diagnostics.Count == 0;
            return new WorkflowParseResult(
                succeeded ? model : null,
                workflowName ?? string.Empty,
                nameLocation,
                EquatableArray<DiagnosticInfo>.From(diagnostics),
                succeeded && shapes is not null ? EquatableArray<CheckpointShape>.From(shapes) : EquatableArray<CheckpointShape>.Empty);
        }

        /// <summary>The attribute's <c>Queue</c>, or <c>default</c>; a name the runtime would refuse is reported at the argument.</summary>
        private static string ReadQueue(INamedTypeSymbol type, AttributeData attribute, LocationInfo? classLocation, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key != "Queue")
                {
                    continue;
                }

                var queue = argument.Value.Value as string;
                if (QueueName.IsValid(queue))
                {
                    return queue!;
                }

                var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
                LocationInfo? location = null;
                foreach (var written in syntax?.ArgumentList?.Arguments ?? default)
                {
                    if (written.NameEquals?.Name.Identifier.ValueText == "Queue")
                    {
                        location = LocationInfo.From(written);
                    }
                }

                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidQueueName, location ?? classLocation, type.Name, queue ?? "null"));
            }

            return QueueName.Default;
        }

        /// <summary>The class's own <c>[Step]</c> methods in declaration order, each read once.</summary>
        private static List<StepFacts> ParseSteps(INamedTypeSymbol type, KnownSymbols known, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            var steps = new List<StepFacts>();
            var seenNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in type.GetMembers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method
                    || KnownSymbols.FindAttribute(method, known.StepAttribute) is not { } stepAttribute)
                {
                    continue;
                }

                if (!seenNames.Add(method.Name))
                {
                    var location = method.Locations.IsEmpty ? null : LocationInfo.From(method.Locations[0]);
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateStepName, location, type.Name, method.Name));
                }

                steps.Add(StepParser.Parse(method, stepAttribute, known, diagnostics, cancellationToken));
            }

            return steps;
        }
    }
}

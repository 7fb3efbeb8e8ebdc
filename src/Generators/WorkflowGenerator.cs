using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Inquir.Typed.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inquir.Typed.Generators
{
    /// <summary>
    /// Generates, for every <c>[Workflow]</c> partial class, its descriptor and step invokers, typed starters, the
    /// checkpoint serializers of its types, and one <c>AddAllWorkflows()</c> for the project. Every stage holds value-equatable models, so an unrelated edit is cached.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class WorkflowGenerator : IIncrementalGenerator
    {
        private const string WorkflowAttributeName = "Inquir.Typed.WorkflowAttribute";

        /// <inheritdoc/>
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var parsed = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    WorkflowAttributeName,
                    predicate: static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                    transform: WorkflowParser.Parse)
                .WithTrackingName(TrackingNames.Parse)
                .Where(static result => result is not null)
                .Select(static (result, _) => result!)
                .WithTrackingName(TrackingNames.Parsed);

            var diagnostics = parsed
                .SelectMany(static (result, _) => result.Diagnostics)
                .WithTrackingName(TrackingNames.Diagnostics);
            context.RegisterSourceOutput(diagnostics, static (spc, diagnostic) => spc.ReportDiagnostic(diagnostic.ToDiagnostic()));

            // Names are compared across the whole compilation; only the names (not locations) feed emission, so
            // moving code around does not regenerate anything.
            var names = parsed
                .Select(static (result, _) => new NamedLocation(result.WorkflowName, result.NameLocation))
                .WithTrackingName(TrackingNames.Names)
                .Collect();
            var duplicateNames = names
                .Select(static (all, _) => new EquatableArray<string>(
                    all.Where(n => n.Name.Length > 0).GroupBy(n => n.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).OrderBy(n => n, StringComparer.Ordinal)))
                .WithTrackingName(TrackingNames.DuplicateNames);
            var duplicateNameDiagnostics = names
                .SelectMany(static (all, _) => DuplicateNameDiagnostics(all))
                .WithTrackingName(TrackingNames.DuplicateNameDiagnostics);
            context.RegisterSourceOutput(duplicateNameDiagnostics, static (spc, diagnostic) => spc.ReportDiagnostic(diagnostic.ToDiagnostic()));

            var models = parsed
                .Where(static result => result.Model is not null)
                .Select(static (result, _) => result.Model!)
                .WithTrackingName(TrackingNames.Models);
            var toEmit = models
                .Combine(duplicateNames)
                .Where(static pair => !pair.Right.Contains(pair.Left.WorkflowName))
                .Select(static (pair, _) => pair.Left)
                .WithTrackingName(TrackingNames.ModelsToEmit);
            context.RegisterSourceOutput(toEmit, static (spc, model) => spc.AddSource(model.HintName, WorkflowEmitter.Emit(model)));

            // Each type's serializer is emitted once per compilation, however many workflows use it, in its own file, so
            // that a change to one type regenerates only that type's serializer.
            var shapes = parsed
                .Select(static (result, _) => result.Shapes)
                .WithTrackingName(TrackingNames.Shapes)
                .Collect()
                .Select(static (all, _) => new EquatableArray<TypeShapeModel>(
                    all.SelectMany(shapes => shapes).GroupBy(shape => shape.Id, StringComparer.Ordinal).Select(g => g.First()).OrderBy(shape => shape.Id, StringComparer.Ordinal)))
                .WithTrackingName(TrackingNames.DistinctShapes)
                .SelectMany(static (all, _) => all)
                .WithTrackingName(TrackingNames.Serializers);
            context.RegisterSourceOutput(shapes, static (spc, shape) => spc.AddSource(SerializerEmitter.HintName(shape), SerializerEmitter.Emit(shape)));

            var registrations = toEmit
                .Select(static (model, _) => model.FullyQualifiedName)
                .Collect()
                .Select(static (all, _) => new EquatableArray<string>(all.OrderBy(n => n, StringComparer.Ordinal)))
                .WithTrackingName(TrackingNames.Registrations);
            context.RegisterSourceOutput(registrations, static (spc, types) =>
            {
                if (types.Count > 0)
                {
                    spc.AddSource(WorkflowEmitter.RegistrationsHintName, WorkflowEmitter.EmitRegistrations(types));
                }
            });
        }

        private static IEnumerable<DiagnosticInfo> DuplicateNameDiagnostics(ImmutableArray<NamedLocation> all)
        {
            foreach (var group in all.Where(n => n.Name.Length > 0).GroupBy(n => n.Name, StringComparer.Ordinal))
            {
                if (group.Count() > 1)
                {
                    foreach (var item in group)
                    {
                        yield return DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateWorkflowName, item.Location, item.Name);
                    }
                }
            }
        }

        private sealed record NamedLocation(string Name, LocationInfo? Location);
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Inquir.Typed.Generators.CheckpointShapes;
using Inquir.Typed.Generators.Emitting;
using Inquir.Typed.Generators.Model;
using Inquir.Typed.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inquir.Typed.Generators
{
    /// <summary>
    /// Generates, for every <c>[Workflow]</c> partial class, its descriptor and step invokers, typed starters, the
    /// checkpoint serializers of its types, and one <c>AddAllWorkflows()</c> for the project. Every stage holds
    /// value-equatable models, so an unrelated edit is cached. This file is the wiring only: parsing is in
    /// <c>Parsing/</c> and <c>CheckpointShapes/</c>, text in <c>Emitting/</c> and <c>CheckpointShapes/</c>.
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
                .Select(static (all, _) => DuplicateNames(all))
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
                .Select(static (all, _) => DistinctShapes(all))
                .WithTrackingName(TrackingNames.DistinctShapes)
                .SelectMany(static (all, _) => all)
                .WithTrackingName(TrackingNames.Serializers);
            context.RegisterSourceOutput(shapes, static (spc, shape) => spc.AddSource(CheckpointShapeEmitter.HintName(shape), CheckpointShapeEmitter.Emit(shape)));

            var registrations = toEmit
                .Select(static (model, _) => model.FullyQualifiedName)
                .Collect()
                .Select(static (all, _) => Sorted(all))
                .WithTrackingName(TrackingNames.Registrations);
            context.RegisterSourceOutput(registrations, static (spc, types) =>
            {
                if (types.Count > 0)
                {
                    spc.AddSource(RegistrationsEmitter.HintName, RegistrationsEmitter.Emit(types));
                }
            });
        }

        /// <summary>The names that more than one workflow uses, in ordinal order.</summary>
        private static EquatableArray<string> DuplicateNames(ImmutableArray<NamedLocation> all)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var item in all)
            {
                if (item.Name.Length > 0)
                {
                    counts[item.Name] = counts.TryGetValue(item.Name, out var count) ? count + 1 : 1;
                }
            }

            var duplicates = new List<string>();
            foreach (var pair in counts)
            {
                if (pair.Value > 1)
                {
                    duplicates.Add(pair.Key);
                }
            }

            duplicates.Sort(StringComparer.Ordinal);
            return EquatableArray<string>.From(duplicates);
        }

        /// <summary>One error at each use of a name that more than one workflow uses, grouped by name in first-use order.</summary>
        private static List<DiagnosticInfo> DuplicateNameDiagnostics(ImmutableArray<NamedLocation> all)
        {
            var groups = new Dictionary<string, List<NamedLocation>>(StringComparer.Ordinal);
            var order = new List<List<NamedLocation>>();
            foreach (var item in all)
            {
                if (item.Name.Length == 0)
                {
                    continue;
                }

                if (!groups.TryGetValue(item.Name, out var group))
                {
                    group = new List<NamedLocation>();
                    groups.Add(item.Name, group);
                    order.Add(group);
                }

                group.Add(item);
            }

            var diagnostics = new List<DiagnosticInfo>();
            foreach (var group in order)
            {
                if (group.Count > 1)
                {
                    foreach (var item in group)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateWorkflowName, item.Location, item.Name));
                    }
                }
            }

            return diagnostics;
        }

        /// <summary>Every workflow's shapes merged, one per id, in id order.</summary>
        private static EquatableArray<CheckpointShape> DistinctShapes(ImmutableArray<EquatableArray<CheckpointShape>> all)
        {
            var byId = new Dictionary<string, CheckpointShape>(StringComparer.Ordinal);
            foreach (var shapes in all)
            {
                foreach (var shape in shapes)
                {
                    if (!byId.ContainsKey(shape.Id))
                    {
                        byId.Add(shape.Id, shape);
                    }
                }
            }

            var distinct = new List<CheckpointShape>(byId.Values);
            distinct.Sort(static (a, b) => string.CompareOrdinal(a.Id, b.Id));
            return EquatableArray<CheckpointShape>.From(distinct);
        }

        private static EquatableArray<string> Sorted(ImmutableArray<string> names)
        {
            var sorted = new List<string>(names);
            sorted.Sort(StringComparer.Ordinal);
            return EquatableArray<string>.From(sorted);
        }

        private sealed record NamedLocation(string Name, LocationInfo? Location);
    }
}

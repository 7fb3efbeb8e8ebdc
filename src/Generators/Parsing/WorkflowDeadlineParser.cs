using System;
using System.Collections.Generic;
using System.Threading;
using Inquir.Typed.Generators.Model;
using Inquir.Typed.Policies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inquir.Typed.Generators.Parsing
{
    /// <summary>Reads <c>[Workflow(Deadline = …)]</c> as the runtime would, reporting a text that cannot be used at the argument.</summary>
    internal static class WorkflowDeadlineParser
    {
        /// <summary>The deadline, or null when there is none or it has an error.</summary>
        public static TimeSpan? Parse(INamedTypeSymbol type, AttributeData attribute, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key != "Deadline" || argument.Value.Value is not string text)
                {
                    continue;
                }

                string error;
                if (DurationText.TryParse(text, out var deadline, out error) && deadline > TimeSpan.Zero)
                {
                    return deadline;
                }

                if (error.Length == 0)
                {
                    error = "it is zero, which would fail every run as it starts; give a positive duration or leave Deadline out";
                }

                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.InvalidWaitDuration, Location(type, attribute, cancellationToken), "Workflow class '" + type.Name + "'", "Deadline", text, error));
            }

            return null;
        }

        private static LocationInfo? Location(INamedTypeSymbol type, AttributeData attribute, CancellationToken cancellationToken)
        {
            foreach (var argument in (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax)?.ArgumentList?.Arguments ?? default)
            {
                if (argument.NameEquals?.Name.Identifier.ValueText == "Deadline")
                {
                    return LocationInfo.From(argument);
                }
            }

            return type.Locations.IsEmpty ? null : LocationInfo.From(type.Locations[0]);
        }
    }
}

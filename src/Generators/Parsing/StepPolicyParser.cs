using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Inquir.Typed.Generators.Model;
using Inquir.Typed.Policies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inquir.Typed.Generators.Parsing
{
    /// <summary>Reads a <c>[Step]</c> attribute's retry policy, with every string parsed and checked as the runtime would.</summary>
    internal static class StepPolicyParser
    {
        /// <summary>The policy, or null when the attribute has an error (reported at the argument).</summary>
        public static StepPolicyModel? Parse(IMethodSymbol method, AttributeData attribute, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            var errorsBefore = diagnostics.Count;
            var arguments = new PolicyArguments(method, attribute, cancellationToken);
            var retries = StepPolicyDefaults.Retries;
            var backoff = StepPolicyDefaults.Backoff;
            var delay = StepPolicyDefaults.Delay;
            TimeSpan? maxDelay = null;
            TimeSpan? timeout = null;
            TimeSpan? after = null;
            int? maxSnoozes = null;

            TimeSpan? ReadDuration(string name, string? text)
            {
                if (!DurationText.TryParse(text, out var duration, out var error))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidDuration, arguments.Location(name), method.Name, name, error));
                    return null;
                }

                return duration;
            }

            foreach (var argument in attribute.NamedArguments)
            {
                var value = argument.Value.Kind == TypedConstantKind.Array ? null : argument.Value.Value;
                switch (argument.Key)
                {
                    case "Retries" when value is int count:
                        if (count < 0 || count > StepPolicyDefaults.MaxRetries)
                        {
                            diagnostics.Add(DiagnosticInfo.Create(
                                DiagnosticDescriptors.RetriesOutOfRange, arguments.Location("Retries"), method.Name, count.ToString(CultureInfo.InvariantCulture)));
                        }

                        retries = count;
                        break;
                    case "Backoff":
                        if (BackoffText.TryParse(value as string, out var kind))
                        {
                            backoff = kind;
                        }
                        else
                        {
                            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidBackoff, arguments.Location("Backoff"), method.Name, value as string ?? "null"));
                        }

                        break;
                    case "Delay" when value is not null:
                        delay = ReadDuration("Delay", value as string) ?? delay;
                        break;
                    case "MaxDelay" when value is not null:
                        maxDelay = ReadDuration("MaxDelay", value as string);
                        break;
                    case "After" when value is not null:
                        if (DurationText.TryParse(value as string, out var sleep, out var afterError))
                        {
                            after = sleep;
                        }
                        else
                        {
                            diagnostics.Add(DiagnosticInfo.Create(
                                DiagnosticDescriptors.InvalidWaitDuration, arguments.Location("After"), "Step '" + method.Name + "'", "After", value as string ?? string.Empty, afterError));
                        }

                        break;
                    case "MaxSnoozes" when value is int snoozes:
                        if (snoozes < 0 || snoozes > StepPolicyDefaults.MaxSnoozesLimit)
                        {
                            diagnostics.Add(DiagnosticInfo.Create(
                                DiagnosticDescriptors.MaxSnoozesOutOfRange, arguments.Location("MaxSnoozes"), method.Name, snoozes.ToString(CultureInfo.InvariantCulture)));
                        }

                        maxSnoozes = snoozes;
                        break;
                    case "Timeout" when value is not null:
                        timeout = ReadDuration("Timeout", value as string);
                        if (timeout == TimeSpan.Zero)
                        {
                            diagnostics.Add(DiagnosticInfo.Create(
                                DiagnosticDescriptors.InvalidDuration,
                                arguments.Location("Timeout"),
                                method.Name,
                                "Timeout",
                                "\"" + value + "\" is zero, which would cancel every attempt at once; give a positive duration or leave Timeout out"));
                        }

                        break;
                }
            }

            if (diagnostics.Count != errorsBefore)
            {
                return null;
            }

            if (maxDelay is { } max && max < delay)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.MaxDelayShorterThanDelay,
                    arguments.Location("MaxDelay"),
                    method.Name,
                    arguments.Quoted("MaxDelay") ?? "(default)",
                    arguments.Quoted("Delay") ?? "(default 1s)"));
                return null;
            }

            var effectiveMax = maxDelay ?? (delay > StepPolicyDefaults.MaxDelay ? delay : StepPolicyDefaults.MaxDelay);
            return new StepPolicyModel(retries, backoff, delay.Ticks, effectiveMax.Ticks, timeout?.Ticks, after is { } a && a > TimeSpan.Zero ? a.Ticks : null, maxSnoozes);
        }

        /// <summary>The attribute's arguments as written: where each is, for errors, and its text.</summary>
        private readonly struct PolicyArguments
        {
            private readonly IMethodSymbol _method;
            private readonly AttributeData _attribute;
            private readonly AttributeSyntax? _syntax;

            public PolicyArguments(IMethodSymbol method, AttributeData attribute, CancellationToken cancellationToken)
            {
                _method = method;
                _attribute = attribute;
                _syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
            }

            /// <summary>Where the named argument is written, or the method when it is not.</summary>
            public LocationInfo? Location(string name)
            {
                foreach (var argument in _syntax?.ArgumentList?.Arguments ?? default)
                {
                    if (argument.NameEquals?.Name.Identifier.ValueText == name)
                    {
                        return LocationInfo.From(argument);
                    }
                }

                return _method.Locations.IsEmpty ? null : LocationInfo.From(_method.Locations[0]);
            }

            /// <summary>The string value of the named argument in quotes, or null when it is not set.</summary>
            public string? Quoted(string name)
            {
                foreach (var argument in _attribute.NamedArguments)
                {
                    if (argument.Key == name && argument.Value.Value is string text)
                    {
                        return "\"" + text + "\"";
                    }
                }

                return null;
            }
        }
    }
}

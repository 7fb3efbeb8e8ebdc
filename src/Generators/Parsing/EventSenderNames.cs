using System.Collections.Generic;
using System.Text;
using Inquir.Typed.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Inquir.Typed.Generators.Parsing
{
    /// <summary>
    /// The names of the typed senders of a workflow's events: <c>Send{Class}{Event}Async</c>, the event's name in
    /// PascalCase (its letters and digits, each run of others dropped and the next letter upper-cased: "approval" →
    /// <c>Approval</c>, "payment.done" → <c>PaymentDone</c>, a name that starts with a digit gets an <c>E</c> before it). The class
    /// name keeps two workflows' senders apart, as it does their starters; within one workflow two event names that give
    /// the same sender name, or one name waited for with two payload types, cannot be generated.
    /// </summary>
    internal static class EventSenderNames
    {
        public static string Of(string className, string eventName) => "Send" + className + Pascal(eventName) + "Async";

        public static string Pascal(string eventName)
        {
            var text = new StringBuilder(eventName.Length + 1);
            var upper = true;
            foreach (var c in eventName)
            {
                if (!char.IsLetterOrDigit(c))
                {
                    upper = true;
                    continue;
                }

                if (text.Length == 0 && char.IsDigit(c))
                {
                    text.Append('E');
                }

                text.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }

            return text.Length == 0 ? "Event" : text.ToString();
        }

        public static void Check(string className, List<StepFacts> steps, LocationInfo? classLocation, List<DiagnosticInfo> diagnostics)
        {
            var payloads = new Dictionary<string, ITypeSymbol>();
            var senders = new Dictionary<string, string>();
            foreach (var step in steps)
            {
                if (step.Events is null || step.Output is null)
                {
                    continue;
                }

                foreach (var name in step.Events.Names)
                {
                    if (payloads.TryGetValue(name, out var payload))
                    {
                        if (!SymbolEqualityComparer.Default.Equals(payload, step.Output))
                        {
                            diagnostics.Add(DiagnosticInfo.Create(
                                DiagnosticDescriptors.EventPayloadConflict, step.Location, className, name, payload.ToDisplayString(), step.Output.ToDisplayString()));
                        }

                        continue;
                    }

                    payloads.Add(name, step.Output);
                    var sender = Of(className, name);
                    if (senders.TryGetValue(sender, out var other))
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EventSenderNameConflict, classLocation, className, other, name, sender));
                    }
                    else
                    {
                        senders.Add(sender, name);
                    }
                }
            }
        }
    }
}

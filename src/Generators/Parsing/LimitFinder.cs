using System.Collections.Generic;
using System.Linq;
using Inquir.Typed.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Inquir.Typed.Generators.Parsing
{
    /// <summary>
    /// Finds the limits a workflow declares: <c>[Limit]</c> on the class (named after the workflow) or on a step
    /// (<c>{workflow}.{step}</c>), and the shared limits its steps name with <c>[Step(Limit = "…")]</c>.
    /// </summary>
    internal static class LimitFinder
    {
        private const string LimitAttribute = "Inquir.Typed.LimitAttribute";
        private const string StepAttribute = "Inquir.Typed.StepAttribute";

        public static EquatableArray<LimitModel> Find(INamedTypeSymbol workflow, string workflowName, IEnumerable<string> stepNames)
        {
            var limits = new List<LimitModel>();
            if (Declared(workflow) is { } onClass)
            {
                limits.Add(Model(onClass, workflowName, null));
            }

            var steps = new HashSet<string>(stepNames);
            foreach (var method in workflow.GetMembers().OfType<IMethodSymbol>().Where(m => steps.Contains(m.Name)))
            {
                if (Declared(method) is { } onStep)
                {
                    limits.Add(Model(onStep, workflowName + "." + method.Name, method.Name));
                }

                var step = method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == StepAttribute);
                if (step?.NamedArguments.FirstOrDefault(a => a.Key == "Limit").Value.Value is string shared && shared.Length > 0)
                {
                    limits.Add(new LimitModel(shared, method.Name, 0, null, true, null));
                }
            }

            return EquatableArray<LimitModel>.From(limits);
        }

        private static AttributeData? Declared(ISymbol symbol) =>
            symbol.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == LimitAttribute);

        private static LimitModel Model(AttributeData attribute, string name, string? step)
        {
            var concurrency = 0;
            string? rate = null;
            string? key = null;
            foreach (var argument in attribute.NamedArguments)
            {
                switch (argument.Key)
                {
                    case "Concurrency" when argument.Value.Value is int value:
                        concurrency = value;
                        break;
                    case "Rate":
                        rate = argument.Value.Value as string;
                        break;
                    case "Key":
                        key = argument.Value.Value as string;
                        break;
                }
            }

            return new LimitModel(name, step, concurrency, rate, false, key);
        }
    }
}

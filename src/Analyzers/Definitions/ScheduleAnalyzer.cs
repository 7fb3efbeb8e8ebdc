using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inquir.Typed.Analyzers.Definitions;

/// <summary>
/// Checks every <c>[Schedule]</c> on a <c>[Workflow]</c> class: INQ1060, a cron string Cronos would refuse (checked by
/// hand against Cronos's grammar, since an analyzer cannot load Cronos); INQ1061, a time zone this machine does not
/// know; INQ1062, a workflow whose input is not <c>ScheduledTick</c>. The runtime makes the same checks when the host
/// starts; these move them to the build.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ScheduleAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.InvalidScheduleCron, DiagnosticDescriptors.UnknownScheduleTimeZone, DiagnosticDescriptors.ScheduledWorkflowInputIsNotTick);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var compilation = start.Compilation;
            var workflow = TypeLookup.Find(compilation, "Inquir.Typed.WorkflowAttribute");
            var schedule = TypeLookup.Find(compilation, "Inquir.Typed.ScheduleAttribute");
            var step = TypeLookup.Find(compilation, "Inquir.Typed.StepAttribute");
            if (workflow is null || schedule is null || step is null)
            {
                return;
            }

            var types = new ScheduleTypes(
                workflow,
                schedule,
                step,
                TypeLookup.Find(compilation, "Inquir.Typed.ScheduledTick"),
                TypeLookup.Find(compilation, "Inquir.Typed.StepContext"),
                TypeLookup.Find(compilation, "System.Threading.CancellationToken"));
            start.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, types), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, ScheduleTypes types)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var workflowAttribute = Find(type, types.Workflow);
        if (workflowAttribute is null)
        {
            return;
        }

        var workflowName = workflowAttribute.ConstructorArguments.Length > 0 && workflowAttribute.ConstructorArguments[0].Value is string name && name.Length > 0 ? name : type.Name;
        var inputChecked = false;
        foreach (var attribute in type.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, types.Schedule)
                || attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is not AttributeSyntax syntax)
            {
                continue;
            }

            if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string cron && CronGrammar.Problem(cron) is { } problem)
            {
                var location = syntax.ArgumentList is { Arguments.Count: > 0 } arguments ? arguments.Arguments[0].GetLocation() : syntax.GetLocation();
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidScheduleCron, location, workflowName, cron, problem));
            }

            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == "TimeZone" && argument.Value.Value is string zone && zone.Trim().Length > 0 && !IsKnownZone(zone))
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnknownScheduleTimeZone, NamedArgumentLocation(syntax, "TimeZone"), workflowName, zone));
                }
            }

            // Once per class: several schedules of one workflow share its input.
            if (!inputChecked)
            {
                inputChecked = true;
                CheckInput(context, type, types, workflowName, syntax);
            }
        }
    }

    private static void CheckInput(SymbolAnalysisContext context, INamedTypeSymbol type, ScheduleTypes types, string workflowName, AttributeSyntax attribute)
    {
        foreach (var member in type.GetMembers())
        {
            if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method || Find(method, types.Step) is null)
            {
                continue;
            }

            ITypeSymbol? input = null;
            foreach (var parameter in method.Parameters)
            {
                if (!SymbolEqualityComparer.Default.Equals(parameter.Type, types.StepContext) && !SymbolEqualityComparer.Default.Equals(parameter.Type, types.CancellationToken))
                {
                    input = parameter.Type;
                    break;
                }
            }

            if (types.ScheduledTick is null || !SymbolEqualityComparer.Default.Equals(input, types.ScheduledTick))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.ScheduledWorkflowInputIsNotTick,
                    attribute.GetLocation(),
                    workflowName,
                    method.Name,
                    input is null ? "no input" : input.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)));
            }

            return;
        }
    }

    // The analyzer runs in the compiler's process: the zone is looked up in the build machine's time zone database,
    // as the host will look it up in its own.
    private static bool IsKnownZone(string id)
    {
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
        catch (InvalidTimeZoneException)
        {
            return false;
        }
    }

    private static Location NamedArgumentLocation(AttributeSyntax attribute, string name)
    {
        foreach (var argument in attribute.ArgumentList?.Arguments ?? default)
        {
            if (argument.NameEquals?.Name.Identifier.ValueText == name)
            {
                return argument.GetLocation();
            }
        }

        return attribute.GetLocation();
    }

    private static AttributeData? Find(ISymbol symbol, INamedTypeSymbol attributeType)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
            {
                return attribute;
            }
        }

        return null;
    }

    private sealed class ScheduleTypes(
        INamedTypeSymbol workflow, INamedTypeSymbol schedule, INamedTypeSymbol step, INamedTypeSymbol? scheduledTick, INamedTypeSymbol? stepContext, INamedTypeSymbol? cancellationToken)
    {
        public INamedTypeSymbol Workflow { get; } = workflow;

        public INamedTypeSymbol Schedule { get; } = schedule;

        public INamedTypeSymbol Step { get; } = step;

        public INamedTypeSymbol? ScheduledTick { get; } = scheduledTick;

        public INamedTypeSymbol? StepContext { get; } = stepContext;

        public INamedTypeSymbol? CancellationToken { get; } = cancellationToken;
    }
}

using System;
using System.Collections.Immutable;
using System.Globalization;
using Inquir.Typed.Policies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inquir.Typed.Analyzers.Definitions;

/// <summary>
/// Retry policies that are valid but harmful: INQ1051, a <c>Timeout</c> longer than the worker's lease; INQ1052,
/// more than <see cref="MaxRetriesWithoutBackoff"/> retries with <c>Backoff = "none"</c>; INQ1054, <c>After</c> on the first
/// step, which has no checkpoint before it to count from. (Values the runtime rejects are the generator's errors,
/// INQ1006–INQ1009, INQ1019, INQ1020.)
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StepPolicyAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The most immediate retries that still read as "ride out a blip" rather than "hammer the service".</summary>
    public const int MaxRetriesWithoutBackoff = 10;

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.TimeoutLongerThanLease, DiagnosticDescriptors.ManyRetriesWithoutBackoff, DiagnosticDescriptors.AfterOnFirstStep);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        // Declared here rather than in the shared helper: the Roslyn analyzer rules (RS1025, RS1026) check each Initialize.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        InquirAnalysis.ForStepCompilations(context, static (start, symbols) =>
            start.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, symbols), SymbolKind.NamedType));
    }

    /// <summary>Checks the steps of a [Workflow] class; any other type is passed over after one attribute lookup.</summary>
    private static void AnalyzeType(SymbolAnalysisContext context, InquirSymbols symbols)
    {
        if (symbols.GetWorkflowAttribute(context.Symbol) is null)
        {
            return;
        }

        var first = true;
        foreach (var member in ((INamedTypeSymbol)context.Symbol).GetMembers())
        {
            if (StepMethod.TryCreate(member, symbols) is { } step)
            {
                AnalyzeStep(context, step, first);
                first = false;
            }
        }
    }

    private static void AnalyzeStep(SymbolAnalysisContext context, StepMethod step, bool first)
    {
        if (step.Attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is not AttributeSyntax attribute)
        {
            return;
        }

        if (first && step.NamedArgument("After") is string after)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.AfterOnFirstStep, ArgumentLocation(attribute, "After"), step.Name, step.WorkflowName, after));
        }

        if (step.NamedArgument("Timeout") is string timeoutText && DurationText.TryParse(timeoutText, out var timeout, out _))
        {
            var lease = LeaseDurationOption.For(attribute.SyntaxTree, context.Options.AnalyzerConfigOptionsProvider);
            if (timeout > lease)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.TimeoutLongerThanLease,
                    ArgumentLocation(attribute, "Timeout"),
                    step.Name,
                    step.WorkflowName,
                    timeoutText,
                    Describe(lease)));
            }
        }

        var retries = step.NamedArgument("Retries") as int? ?? StepPolicyDefaults.Retries;
        if (retries > MaxRetriesWithoutBackoff
            && BackoffText.TryParse(step.NamedArgument("Backoff") as string, out var backoff)
            && backoff == "None")
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.ManyRetriesWithoutBackoff,
                ArgumentLocation(attribute, "Retries"),
                step.Name,
                step.WorkflowName,
                retries,
                retries + 1,
                MaxRetriesWithoutBackoff));
        }
    }

    private static Location ArgumentLocation(AttributeSyntax attribute, string name)
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

    /// <summary>A lease as people write it: "30s", "2m", "1m30s".</summary>
    private static string Describe(TimeSpan lease)
    {
        var text = string.Empty;
        if (lease.Days > 0)
        {
            text += lease.Days.ToString(CultureInfo.InvariantCulture) + "d";
        }

        if (lease.Hours > 0)
        {
            text += lease.Hours.ToString(CultureInfo.InvariantCulture) + "h";
        }

        if (lease.Minutes > 0)
        {
            text += lease.Minutes.ToString(CultureInfo.InvariantCulture) + "m";
        }

        if (lease.Seconds > 0)
        {
            text += lease.Seconds.ToString(CultureInfo.InvariantCulture) + "s";
        }

        if (lease.Milliseconds > 0 || text.Length == 0)
        {
            text += lease.Milliseconds.ToString(CultureInfo.InvariantCulture) + "ms";
        }

        return text;
    }
}

using Microsoft.CodeAnalysis;

namespace Inquir.Typed.Analyzers;

/// <summary>
/// Every diagnostic the analyzers report. Id ranges: INQ1001–INQ1049 the generator's "cannot generate" errors,
/// INQ1050–INQ1099 workflow definition rules, INQ2001–INQ2099 step body rules, INQ3001–INQ3099 API use rules.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string DefinitionCategory = "Inquir.Definition";
    private const string StepBodyCategory = "Inquir.StepBody";

    /// <summary>INQ1050: a [Workflow] class, or a type that contains one, is not declared partial.</summary>
    public static readonly DiagnosticDescriptor WorkflowClassMustBePartial = new(
        id: "INQ1050",
        title: "Workflow class must be partial",
        messageFormat: "'{0}' must be declared partial: the source generator extends workflow class '{1}' and skips it otherwise",
        category: DefinitionCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The source generator adds the starter, descriptor and serializers of a workflow to its class as a partial declaration. "
            + "It skips a workflow class that is not partial, or that is nested in a type that is not partial, and the workflow is then never registered.",
        helpLinkUri: HelpLink("INQ1050"));

    /// <summary>INQ2001: a step that is retried shows no sign of being idempotent.</summary>
    public static readonly DiagnosticDescriptor RetriedStepWithoutIdempotency = new(
        id: "INQ2001",
        title: "Retried step without idempotency",
        messageFormat: "Step '{0}' of workflow '{1}' is retried (Retries = {2}) but shows no idempotency: read ctx.IdempotencyKey, read an [IdempotencyKey] input member, or declare [Step(Idempotent = true)]",
        category: StepBodyCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A retried step runs again after a failure that may have happened after its side effect took place (a timeout, a lost connection, a crash). "
            + "Pass ctx.IdempotencyKey, which is the same on every attempt of the step, to the services it calls so that a repeated call takes effect once.",
        helpLinkUri: HelpLink("INQ2001"));

    private static string HelpLink(string id) => $"https://github.com/inquir/inquir-typed/blob/main/docs/diagnostics/{id}.md";
}

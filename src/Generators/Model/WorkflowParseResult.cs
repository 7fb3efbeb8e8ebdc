using Inquir.Typed.Generators.CheckpointShapes;

namespace Inquir.Typed.Generators.Model
{
    /// <summary>What parsing one <c>[Workflow]</c> class produced: a model when it can be generated, and the errors.</summary>
    /// <param name="Model">The model; null when an error stops generation.</param>
    /// <param name="WorkflowName">The stored name, for the duplicate-name check.</param>
    /// <param name="NameLocation">Where the name is written, for the duplicate-name error.</param>
    /// <param name="Diagnostics">The errors found.</param>
    /// <param name="Shapes">
    /// The checkpoint types of the workflow and every type they contain, when the model could be built. Kept apart from
    /// the model so that editing a step's policy leaves the serializers cached, and merged across workflows so that a type
    /// two workflows share gets one serializer.
    /// </param>
    internal sealed record WorkflowParseResult(
        WorkflowModel? Model,
        string WorkflowName,
        LocationInfo? NameLocation,
        EquatableArray<DiagnosticInfo> Diagnostics,
        EquatableArray<CheckpointShape> Shapes);
}

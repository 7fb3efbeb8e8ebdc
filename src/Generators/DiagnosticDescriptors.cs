using System.Globalization;
using Inquir.Typed.Policies;
using Microsoft.CodeAnalysis;

namespace Inquir.Typed.Generators
{
    /// <summary>
    /// The errors the generator reports: only "cannot generate" ones, ids INQ1001–INQ1049 for workflow definitions (INQ1030–INQ1039 for events) and
    /// INQ1101–INQ1199 for checkpoint types. Lint-like rules are analyzers.
    /// </summary>
    internal static class DiagnosticDescriptors
    {
        private const string Category = "Inquir.Typed.Generator";

        public static readonly DiagnosticDescriptor GenericWorkflow = Create(
            "INQ1001",
            "Workflow class cannot be generic",
            "Workflow class '{0}' is generic or nested in a generic type; a workflow needs one closed class that DI can construct");

        public static readonly DiagnosticDescriptor NoSteps = Create(
            "INQ1002",
            "Workflow has no steps",
            "Workflow class '{0}' has no [Step] methods; add at least one");

        public static readonly DiagnosticDescriptor WorkflowNotAccessible = Create(
            "INQ1003",
            "Workflow class cannot be reached by generated code",
            "Workflow class '{0}' cannot be generated: {1}");

        public static readonly DiagnosticDescriptor EmptyWorkflowName = Create(
            "INQ1004",
            "Workflow name is empty",
            "Workflow class '{0}' has an empty name; give [Workflow] a stable name such as \"export-data\"");

        public static readonly DiagnosticDescriptor UnsupportedStepSignature = Create(
            "INQ1005",
            "Step has an unsupported signature",
            "Step '{0}' {1}; a step is a public instance method that takes at most one data parameter plus StepContext and CancellationToken, and returns T, Task<T>, ValueTask<T>, void, Task or ValueTask");

        public static readonly DiagnosticDescriptor InvalidBackoff = Create(
            "INQ1006",
            "Backoff is not a known kind",
            "Step '{0}' has Backoff \"{1}\"; write " + BackoffText.Accepted);

        public static readonly DiagnosticDescriptor InvalidDuration = Create(
            "INQ1007",
            "Duration cannot be read",
            "Step '{0}' has a {1} that cannot be used: {2}");

        public static readonly DiagnosticDescriptor RetriesOutOfRange = Create(
            "INQ1008",
            "Retries is out of range",
            "Step '{0}' has Retries = {1}; it must be between 0 and " + StepPolicyDefaults.MaxRetries.ToString(CultureInfo.InvariantCulture));

        public static readonly DiagnosticDescriptor MaxDelayShorterThanDelay = Create(
            "INQ1009",
            "MaxDelay is shorter than Delay",
            "Step '{0}' has MaxDelay {1}, shorter than its Delay {2}");

        public static readonly DiagnosticDescriptor StepInputMismatch = Create(
            "INQ1010",
            "Step does not accept the previous step's output",
            "Step '{0}' takes {1}, which does not accept {2} returned by step '{3}'");

        public static readonly DiagnosticDescriptor MissingStepInput = Create(
            "INQ1011",
            "Step does not take the previous step's output",
            "Step '{0}' takes no data, but step '{1}' returns {2}; add a parameter of type {2}, or make '{1}' return no value");

        public static readonly DiagnosticDescriptor UnexpectedStepInput = Create(
            "INQ1012",
            "Step takes data that the previous step does not return",
            "Step '{0}' takes a {1}, but step '{2}' returns no value; remove the parameter, or make '{2}' return it");

        public static readonly DiagnosticDescriptor DuplicateWorkflowName = Create(
            "INQ1013",
            "Two workflows share a name",
            "Workflow name \"{0}\" is used by more than one class in this project; stored runs could not tell them apart");

        public static readonly DiagnosticDescriptor DuplicateStepName = Create(
            "INQ1014",
            "Two steps share a name",
            "Workflow class '{0}' has more than one step named '{1}'; checkpoints are stored by step name");

        public static readonly DiagnosticDescriptor WorkflowNotConstructible = Create(
            "INQ1015",
            "Workflow class cannot be constructed",
            "Workflow class '{0}' is {1}; DI must be able to construct it for every step");

        public static readonly DiagnosticDescriptor InaccessibleDataType = Create(
            "INQ1016",
            "Workflow input or result type is not accessible",
            "Workflow class '{0}' has {1} type {2}, which is private or protected; the generated starter outside the class cannot name it");

        public static readonly DiagnosticDescriptor InvalidQueueName = Create(
            "INQ1017",
            "Queue name is not valid",
            "Workflow class '{0}' has Queue \"{1}\"; a queue name is " + QueueName.Rule);

        public static readonly DiagnosticDescriptor InvalidWaitDuration = Create(
            "INQ1019",
            "After or Deadline cannot be used",
            "{0} has {1} = \"{2}\", which cannot be used: {3}");

        public static readonly DiagnosticDescriptor MaxSnoozesOutOfRange = Create(
            "INQ1020",
            "MaxSnoozes is out of range",
            "Step '{0}' has MaxSnoozes = {1}; it must be between 0 and " + StepPolicyDefaults.MaxSnoozesLimit.ToString(CultureInfo.InvariantCulture));

        public static readonly DiagnosticDescriptor EventPayloadConflict = Create(
            "INQ1030",
            "One event is waited for with two payload types",
            "Workflow class '{0}' waits for event '{1}' with payload {2} and with payload {3}; one event name has one payload type, so that its typed sender knows what to send");

        public static readonly DiagnosticDescriptor EventSenderNameConflict = Create(
            "INQ1031",
            "Two events get the same sender name",
            "Workflow class '{0}' waits for events '{1}' and '{2}', which would both get the typed sender {3}; rename one of them");

        public static readonly DiagnosticDescriptor InvalidEventWait = Create(
            "INQ1032",
            "WaitForEvent has a name or timeout that cannot be used",
            "Step '{0}' waits for an event with {1} = {2}, which cannot be used: {3}");

        public static readonly DiagnosticDescriptor UnsupportedCheckpointType = Create(
            "INQ1101",
            "Type cannot be stored as a checkpoint",
            "{0} has type {1}, which cannot be stored as a checkpoint: {2}");

        public static readonly DiagnosticDescriptor CyclicCheckpointType = Create(
            "INQ1102",
            "Checkpoint type contains itself",
            "{0} has type {1}, which contains itself through {2}; a checkpoint is a tree of values, so a type that can hold itself cannot be stored");

        public static readonly DiagnosticDescriptor CheckpointTypeNotConstructible = Create(
            "INQ1103",
            "Checkpoint type cannot be read back",
            "{0} has type {1}, which cannot be read back from a checkpoint: {2}");

        public static readonly DiagnosticDescriptor CheckpointTypeNotAccessible = Create(
            "INQ1104",
            "Checkpoint type is not accessible",
            "{0} has type {1}, which is private or protected; the generated serializer cannot name it, so make it internal or public");

        public static readonly DiagnosticDescriptor DuplicateJsonName = Create(
            "INQ1105",
            "Two properties share a JSON name",
            "Type {0} has more than one property stored as \"{1}\" ('{2}' and '{3}'); give each its own [JsonPropertyName]");

        private static DiagnosticDescriptor Create(string id, string title, string message) => new(
            id,
            title,
            message,
            Category,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: "https://github.com/inquir/inquir-typed/blob/main/docs/diagnostics/" + id + ".md");
    }
}

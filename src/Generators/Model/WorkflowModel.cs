namespace Inquir.Typed.Generators.Model
{
    /// <summary>A type that contains the workflow class, from the outermost in.</summary>
    /// <param name="Keyword">The declaration keywords, such as <c>static partial class</c> or <c>partial record struct</c>.</param>
    /// <param name="Name">The type's name (not escaped).</param>
    internal sealed record ContainingTypeModel(string Keyword, string Name);

    /// <summary>How the input's <c>[IdempotencyKey]</c> member becomes a string.</summary>
    internal enum IdempotencyKeyConversion
    {
        /// <summary>A string, taken as it is.</summary>
        String,

        /// <summary>An <c>IFormattable</c>, formatted with the invariant culture.</summary>
        Formattable,

        /// <summary>Anything else, through <c>ToString()</c>.</summary>
        ToString,
    }

    /// <summary>The input member marked <c>[IdempotencyKey]</c>.</summary>
    /// <param name="MemberName">The member's name (not escaped).</param>
    /// <param name="Conversion">How it becomes a string.</param>
    /// <param name="MayBeNull">Whether the member's value can be null (a reference type or <c>Nullable&lt;T&gt;</c>).</param>
    internal sealed record IdempotencyKeyModel(string MemberName, IdempotencyKeyConversion Conversion, bool MayBeNull);

    /// <summary>A limit the workflow declares or names (see <c>LimitUse</c>).</summary>
    /// <param name="Name">The limit's name.</param>
    /// <param name="Step">The step it applies to; null for every step.</param>
    /// <param name="Concurrency">The attribute's concurrency; 0 for none.</param>
    /// <param name="Rate">The attribute's rate text; null for none.</param>
    /// <param name="Shared">Whether a step names a shared limit defined elsewhere.</param>
    /// <param name="KeyMember">The input member that holds the key; null when none.</param>
    internal sealed record LimitModel(string Name, string? Step, int Concurrency, string? Rate, bool Shared, string? KeyMember);

    /// <summary>One workflow, ready to emit. Holds only values; type names are fully qualified with <c>global::</c>.</summary>
    /// <param name="WorkflowName">The stored workflow name.</param>
    /// <param name="Namespace">The namespace, escaped, or empty for the global namespace.</param>
    /// <param name="ClassName">The class name (not escaped).</param>
    /// <param name="ClassKeyword"><c>class</c> or <c>record</c>.</param>
    /// <param name="FullyQualifiedName">The class's name with <c>global::</c>, namespace and containing types.</param>
    /// <param name="HintName">The generated file's name.</param>
    /// <param name="ContainingTypes">Types the class is nested in, outermost first.</param>
    /// <param name="IsPublic">Whether the starters can be public: the class, its containers, the input and the result types are all public.</param>
    /// <param name="InputType">The workflow input: the first step's data type, or <c>NoValue</c>.</param>
    /// <param name="InputIsNoValue">Whether the first step takes no data.</param>
    /// <param name="InputIsReferenceType">Whether the input is a reference type (so the key lambda checks it for null).</param>
    /// <param name="ResultType">The last step's output, or <c>NoValue</c>.</param>
    /// <param name="IdempotencyKey">The input member marked <c>[IdempotencyKey]</c>, if any.</param>
    /// <param name="Steps">The steps in declaration order.</param>
    /// <param name="InputSerializer">The id of the input's checkpoint shape; null for <c>NoValue</c>.</param>
    /// <param name="ResultSerializer">The id of the result's checkpoint shape; null for <c>NoValue</c>.</param>
    /// <param name="Limits">The limits the workflow declares or names.</param>
    /// <param name="Queue">The queue the workflow's runs are started in (<c>default</c> when the attribute names none).</param>
    /// <param name="DeadlineTicks">The workflow's deadline from <c>[Workflow(Deadline = …)]</c>, in ticks; null for none.</param>
    internal sealed record WorkflowModel(
        string WorkflowName,
        string Namespace,
        string ClassName,
        string ClassKeyword,
        string FullyQualifiedName,
        string HintName,
        EquatableArray<ContainingTypeModel> ContainingTypes,
        bool IsPublic,
        string InputType,
        bool InputIsNoValue,
        bool InputIsReferenceType,
        string ResultType,
        IdempotencyKeyModel? IdempotencyKey,
        EquatableArray<StepModel> Steps,
        string? InputSerializer,
        string? ResultSerializer,
        EquatableArray<LimitModel> Limits,
        string Queue,
        long? DeadlineTicks = null);
}

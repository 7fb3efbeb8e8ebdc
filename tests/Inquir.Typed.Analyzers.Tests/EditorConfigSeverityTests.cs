using Inquir.Typed.Analyzers.ApiUse;
using Inquir.Typed.Analyzers.Definitions;
using Inquir.Typed.Analyzers.StepBodies;
using Inquir.Typed.Analyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using static Inquir.Typed.Analyzers.Tests.Verification.StepSources;

namespace Inquir.Typed.Analyzers.Tests;

/// <summary>
/// Every rule's severity follows <c>dotnet_diagnostic.INQxxxx.severity</c> in .editorconfig, as in a build: a
/// warning can be raised to an error and turned off.
/// </summary>
public class EditorConfigSeverityTests
{
    /// <summary>For every analyzer rule, a source that triggers it once.</summary>
    private static readonly Dictionary<string, (DiagnosticAnalyzer Analyzer, string Source)> Triggers = new()
    {
        ["INQ1050"] = (new WorkflowClassMustBePartialAnalyzer(), Prelude + "[Workflow(\"export-data\")] public sealed class ExportData { [Step] public int Render(int input) => input; }"),
        ["INQ1051"] = (new StepPolicyAnalyzer(), Workflow("[Step(Idempotent = true, Timeout = \"5m\")] public int Render(int input) => input;")),
        ["INQ1052"] = (new StepPolicyAnalyzer(), Workflow("[Step(Idempotent = true, Retries = 20, Backoff = \"none\")] public int Render(int input) => input;")),
        ["INQ1054"] = (new StepPolicyAnalyzer(), Workflow("[Step(Idempotent = true, After = \"1h\")] public int Render(int input) => input;")),
        ["INQ1053"] = (new StepOutsideWorkflowAnalyzer(), Prelude + "public sealed class ExportData { [Step] public int Render(int input) => input; }"),
        ["INQ1060"] = (new ScheduleAnalyzer(), Prelude + "[Workflow(\"nightly\")] [Schedule(\"0 24 * * *\")] public sealed partial class Nightly { [Step] public string Build(ScheduledTick tick) => tick.Schedule; }"),
        ["INQ1061"] = (new ScheduleAnalyzer(), Prelude + "[Workflow(\"nightly\")] [Schedule(\"0 3 * * *\", TimeZone = \"Mars/Olympus\")] public sealed partial class Nightly { [Step] public string Build(ScheduledTick tick) => tick.Schedule; }"),
        ["INQ1062"] = (new ScheduleAnalyzer(), Prelude + "[Workflow(\"nightly\")] [Schedule(\"0 3 * * *\")] public sealed partial class Nightly { [Step] public string Build(string day) => day; }"),
        ["INQ1070"] = (new StartPolicyAnalyzer(), Prelude + "[Workflow(\"reindex\")] [StartPolicy(StartPolicyKind.Debounce, \"soon\")] public sealed partial class Reindex { [Step] public string Run(string customer) => customer; }"),
        ["INQ1071"] = (new LimitAnalyzer(), Prelude + "[Workflow(\"sync\")] [Limit(Concurrency = 1, Key = \"Tenant\")] public sealed partial class Sync { [Step] public string Run(string tenant) => tenant; }"),
        ["INQ1072"] = (new LimitAnalyzer(), Prelude + "[Workflow(\"sync\")] [Limit(Rate = \"fast\")] public sealed partial class Sync { [Step] public string Run(string tenant) => tenant; }"),
        ["INQ1073"] = (new LimitAnalyzer(), Prelude + "[Workflow(\"sync\")] [Limit] public sealed partial class Sync { [Step] public string Run(string tenant) => tenant; }"),
        ["INQ2001"] = (new RetriedStepWithoutIdempotencyAnalyzer(), Workflow("[Step(Retries = 3)] public Task<string> Upload(ExportFile file, CancellationToken ct) => blobs.Put(file, null, ct);")),
        ["INQ2002"] = (new WorkflowStartedWithoutStepContextAnalyzer(), Workflow("[Step(Idempotent = true)] public Task Notify(string input) => client.StartNotifyUserAsync(input);")),
        ["INQ2003"] = (new BlockingCallInStepAnalyzer(), Workflow("[Step(Idempotent = true)] public string Upload(ExportFile file) => blobs.Read(file.Path).Result;")),
        ["INQ2004"] = (new StepTokenNotPassedAnalyzer(), Workflow("[Step(Idempotent = true)] public Task<string> Upload(ExportFile file, CancellationToken ct) => blobs.Read(file.Path);")),
        ["INQ2005"] = (new StepSwallowsAllExceptionsAnalyzer(), Workflow("[Step(Idempotent = true)] public string Upload(ExportFile file) { try { return blobs.Describe(file.Path); } catch { return \"\"; } }")),
        ["INQ3001"] = (new PriorityOutOfRangeAnalyzer(), Prelude + "public static class Starts { public static StartOptions Urgent() => new StartOptions { Priority = 500 }; }"),
    };

    public static TheoryData<string> RuleIds() => new(Triggers.Keys);

    [Fact]
    public void Every_analyzer_rule_has_a_trigger_here() =>
        Assert.Equal(
            DiagnosticHelpPageTests.AllDescriptors().Select(descriptor => descriptor.Id).Order(),
            Triggers.Keys.Order());

    [Theory]
    [MemberData(nameof(RuleIds))]
    public async Task Editorconfig_can_raise_the_rule_to_an_error(string id)
    {
        var (analyzer, source) = Triggers[id];

        var diagnostics = await ConfiguredAnalysis.RunAsync(analyzer, source, EditorConfig(id, "error"));

        var diagnostic = Assert.Single(diagnostics, d => d.Id == id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public async Task Editorconfig_can_turn_the_rule_off(string id)
    {
        var (analyzer, source) = Triggers[id];

        var diagnostics = await ConfiguredAnalysis.RunAsync(analyzer, source, EditorConfig(id, "none"));

        Assert.DoesNotContain(diagnostics, d => d.Id == id);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public async Task Without_editorconfig_the_rule_has_its_default_severity(string id)
    {
        var (analyzer, source) = Triggers[id];

        var diagnostics = await ConfiguredAnalysis.RunAsync(analyzer, source, "root = true\n");

        var diagnostic = Assert.Single(diagnostics, d => d.Id == id);
        Assert.Equal(diagnostic.Descriptor.DefaultSeverity, diagnostic.Severity);
    }

    private static string EditorConfig(string id, string severity) =>
        $"""
        root = true

        [*.cs]
        dotnet_diagnostic.{id}.severity = {severity}
        """;
}

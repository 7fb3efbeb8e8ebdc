using Cronos;
using Inquir.Typed.Analyzers.Definitions;
using Inquir.Typed.Analyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Inquir.Typed.Analyzers.Tests;

public class ScheduleAnalyzerTests
{
    private const string Usings =
        """
        using System.Threading;
        using Inquir.Typed;

        """;

    private static Task AnalyzeAsync(string source, params DiagnosticResult[] expected) =>
        Verify<ScheduleAnalyzer>.AnalyzerAsync(Usings + source, expected);

    private static string Nightly(string schedule, string step = "public string Build(ScheduledTick tick, CancellationToken ct) => tick.Schedule;") =>
        $$"""
        [Workflow("nightly-report")]
        {{schedule}}
        public sealed partial class NightlyReport
        {
            [Step(Idempotent = true)]
            {{step}}
        }
        """;

    [Fact]
    public Task Five_and_six_field_schedules_in_a_time_zone_report_nothing() => AnalyzeAsync(Nightly(
        """
        [Schedule("0 3 * * *", TimeZone = "Europe/Berlin")]
        [Schedule("30 */15 9-17 ? * MON-FRI", Name = "quarter-hourly")]
        [Schedule("@daily", Name = "daily", TimeZone = "UTC")]
        """));

    [Fact]
    public Task A_cron_string_Cronos_refuses_is_an_error_at_the_argument() => AnalyzeAsync(
        Nightly("""[Schedule({|#0:"61 3 * * *"|}, TimeZone = "Europe/Berlin")]"""),
        Verify<ScheduleAnalyzer>.Diagnostic("INQ1060")
            .WithLocation(0)
            .WithMessage("The [Schedule] of workflow 'nightly-report' has a cron expression that cannot be used: \"61 3 * * *\": in the minutes field, values must be numbers between 0 and 59"));

    [Fact]
    public Task A_cron_string_with_four_fields_is_an_error_naming_the_count() => AnalyzeAsync(
        Nightly("""[Schedule({|#0:"0 3 * *"|})]"""),
        Verify<ScheduleAnalyzer>.Diagnostic("INQ1060")
            .WithLocation(0)
            .WithArguments("nightly-report", "0 3 * *", "it has 4 fields; write 5 (minute hour day-of-month month day-of-week) or 6 (seconds first)"));

    [Fact]
    public Task An_unknown_macro_is_an_error() => AnalyzeAsync(
        Nightly("""[Schedule({|#0:"@fortnightly"|})]"""),
        Verify<ScheduleAnalyzer>.Diagnostic("INQ1060").WithLocation(0).WithArguments(
            "nightly-report", "@fortnightly", "'@fortnightly' is not a macro; use @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly, @every_minute or @every_second"));

    [Fact]
    public Task An_unknown_time_zone_is_an_error_at_the_argument() => AnalyzeAsync(
        Nightly("""[Schedule("0 3 * * *", {|#0:TimeZone = "Europe/Atlantis"|})]"""),
        Verify<ScheduleAnalyzer>.Diagnostic("INQ1061")
            .WithLocation(0)
            .WithMessage("The [Schedule] of workflow 'nightly-report' names the time zone \"Europe/Atlantis\", which is not known; use an IANA id such as \"Europe/Berlin\" or \"UTC\""));

    [Fact]
    public Task A_scheduled_workflow_whose_first_step_takes_another_type_is_an_error() => AnalyzeAsync(
        Nightly("[{|#0:Schedule(\"0 3 * * *\")|}]", "public string Build(string day, StepContext ctx) => day;"),
        Verify<ScheduleAnalyzer>.Diagnostic("INQ1062")
            .WithLocation(0)
            .WithMessage("Workflow 'nightly-report' has a [Schedule], but its first step 'Build' takes string, not ScheduledTick: each tick starts the workflow with the ScheduledTick it fired for"));

    [Fact]
    public Task A_scheduled_workflow_whose_first_step_takes_nothing_is_an_error() => AnalyzeAsync(
        Nightly("[{|#0:Schedule(\"0 3 * * *\")|}]", "public void Build(CancellationToken ct) { }"),
        Verify<ScheduleAnalyzer>.Diagnostic("INQ1062").WithLocation(0).WithArguments("nightly-report", "Build", "no input"));

    [Fact]
    public Task A_schedule_on_a_class_that_is_not_a_workflow_is_not_checked() => AnalyzeAsync(
        """
        [Schedule("not a cron", TimeZone = "Nowhere/Else")]
        public sealed class Helper
        {
        }
        """);

    public static TheoryData<string> CronStrings() =>
    [
        "* * * * *", "*/5 * * * *", "0 3 * * *", "0 0 1,15 * *", "0 0 L * *", "0 0 L-3 * *", "0 0 LW * *", "0 0 15W * *", "0 0 * * 5L", "0 0 * * MON#2",
        "0 0 * * 7", "0 0 * * SUN-SAT", "0 0 * JAN-MAR,OCT *", "0 22-2 * * *", "5/10 * * * *", "0-30/7 * * * *", "? * * * *", "0 0 ? * ?", "0 0 12 ? * WED",
        "*/15 * * * * *", "59 59 23 31 12 7", "@hourly", "@EVERY_SECOND", " 0 3 * * * ", "0\t3\t*\t*\t*", "0 0 * * mon-fri", "0 0 1 jan *",
        "60 * * * *", "* 24 * * *", "* * 0 * *", "* * 32 * *", "* * * 13 *", "* * * * 8", "*/0 * * * *", "*/60 * * * *", "1-60 * * * *", "001 * * * *",
        "* * * * MONDAY", "* * * FOO *", "* * L-31 * *", "* * LX * *", "* * * * 5#6", "* * * * 5#0", "* * 15W,16 * *", "* * * * 5L,3", "1,*/5 * * * *", "1, * * * *",
        "*/ * * * *", "- * * * *", "1-*/2 * * * *", "* * * * * * *", "* * * *", "@minutely", "@daily x", "* * * * MON-", "* * * * #2", "L * * * *", "* * * * 0L",
    ];

    [Theory]
    [MemberData(nameof(CronStrings))]
    public async Task The_analyzer_accepts_a_cron_string_exactly_when_Cronos_does(string cron)
    {
        var cronos = true;
        try
        {
            var fields = cron.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
            CronExpression.Parse(cron, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        }
        catch (CronFormatException)
        {
            cronos = false;
        }

        var literal = SymbolDisplay.FormatLiteral(cron, quote: true);
        var compilation = CSharpCompilation.Create(
            "Crons",
            [CSharpSyntaxTree.ParseText(Usings + Nightly($"[Schedule({literal})]"))],
            InquirAnalyzerTest<ScheduleAnalyzer>.DefaultReferences,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var diagnostics = await compilation.WithAnalyzers([new ScheduleAnalyzer()]).GetAnalyzerDiagnosticsAsync();

        Assert.Equal(cronos, !diagnostics.Any(d => d.Id == "INQ1060"));
    }
}

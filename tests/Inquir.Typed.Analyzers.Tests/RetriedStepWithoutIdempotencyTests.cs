using System.Collections.Immutable;
using Inquir.Typed.Analyzers.StepBodies;
using Inquir.Typed.Analyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace Inquir.Typed.Analyzers.Tests;

public class RetriedStepWithoutIdempotencyTests
{
    /// <summary>The usings and types every source here shares, ahead of the workflow under test.</summary>
    private const string Prelude =
        """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Inquir.Typed;
        using Microsoft.Extensions.Logging;

        public sealed record ExportRequest(string UserId)
        {
            [IdempotencyKey]
            public string RequestId { get; init; } = "";
        }

        public sealed record ExportFile(string Path);

        public interface IBlobs
        {
            Task<string> Put(ExportFile file, string? key, CancellationToken ct);
        }

        """;

    /// <summary>A workflow class named ExportData ("export-data") holding the given members.</summary>
    private static string Workflow(string members) => Prelude +
        $$"""
        [Workflow("export-data")]
        public sealed partial class ExportData(IBlobs blobs)
        {
        {{members}}
        }
        """;

    private static DiagnosticResult Warning(string step = "Upload", int retries = 3) =>
        Verify<RetriedStepWithoutIdempotencyAnalyzer>.Diagnostic("INQ2001").WithLocation(0).WithArguments(step, "export-data", retries);

    private static Task AnalyzeAsync(string source, params DiagnosticResult[] expected) =>
        Verify<RetriedStepWithoutIdempotencyAnalyzer>.AnalyzerAsync(source, expected);

    [Fact]
    public Task Step_without_idempotency_key_warns() => AnalyzeAsync(
        Workflow(
            """
                [Step(Retries = 3)]
                public Task<string> {|#0:Upload|}(ExportFile file, CancellationToken ct) => blobs.Put(file, null, ct);
            """),
        Verify<RetriedStepWithoutIdempotencyAnalyzer>.Diagnostic("INQ2001")
            .WithLocation(0)
            .WithMessage("Step 'Upload' of workflow 'export-data' is retried (Retries = 3) but shows no idempotency: read ctx.IdempotencyKey, read an [IdempotencyKey] input member, or declare [Step(Idempotent = true)]"));

    [Fact]
    public Task Step_taking_ctx_but_not_using_it_warns() => AnalyzeAsync(
        Workflow(
            """
                [Step(Retries = 3)]
                public Task<string> {|#0:Upload|}(ExportFile file, StepContext ctx, CancellationToken ct) => blobs.Put(file, null, ct);
            """),
        Warning());

    [Fact]
    public Task Step_using_ctx_only_for_logger_and_run_id_warns() => AnalyzeAsync(
        Workflow(
            """
                [Step(Retries = 3)]
                public async Task<string> {|#0:Upload|}(ExportFile file, StepContext ctx, CancellationToken ct)
                {
                    ctx.Logger.LogInformation("Uploading for run {RunId}, attempt {Attempt}", ctx.RunId, ctx.Attempt);
                    return await blobs.Put(file, ctx.RunId.ToString(), ct);
                }
            """),
        Warning());

    [Fact]
    public Task Step_with_default_retries_warns() => AnalyzeAsync(
        Workflow(
            """
                [Step]
                public Task<string> {|#0:Upload|}(ExportFile file, CancellationToken ct) => blobs.Put(file, null, ct);
            """),
        Warning(retries: 3));

    [Fact]
    public Task Step_with_one_retry_warns() => AnalyzeAsync(
        Workflow(
            """
                [Step(Retries = 1, Backoff = "fixed")]
                public Task<string> {|#0:Upload|}(ExportFile file, CancellationToken ct) => blobs.Put(file, null, ct);
            """),
        Warning(retries: 1));

    [Fact]
    public Task Step_passing_ctx_to_a_helper_that_does_not_read_the_key_warns() => AnalyzeAsync(
        Workflow(
            """
                [Step]
                public Task<string> {|#0:Upload|}(ExportFile file, StepContext ctx, CancellationToken ct)
                {
                    Log(ctx);
                    return blobs.Put(file, null, ct);
                }

                private static void Log(StepContext context) => context.Logger.LogInformation("Uploading");
            """),
        Warning());

    [Fact]
    public Task Step_passing_ctx_only_to_a_null_check_warns() => AnalyzeAsync(
        Workflow(
            """
                [Step]
                public Task<string> {|#0:Upload|}(ExportFile file, StepContext ctx, CancellationToken ct)
                {
                    ArgumentNullException.ThrowIfNull(ctx);
                    return blobs.Put(file, null, ct);
                }
            """),
        Warning());

    [Fact]
    public Task Step_passing_ctx_through_mutually_recursive_helpers_that_never_read_the_key_warns() => AnalyzeAsync(
        Workflow(
            """
                [Step]
                public Task<string> {|#0:Upload|}(ExportFile file, StepContext ctx, CancellationToken ct)
                {
                    Ping(ctx, 3);
                    return blobs.Put(file, null, ct);
                }

                private static void Ping(StepContext context, int n) { if (n > 0) Pong(context, n - 1); }

                private static void Pong(StepContext context, int n) { if (n > 0) Ping(context, n - 1); }
            """),
        Warning());

    [Fact]
    public Task Step_reading_ctx_key_does_not_warn() => AnalyzeAsync(
        Workflow(
            """
                [Step(Retries = 5)]
                public Task<string> Upload(ExportFile file, StepContext ctx, CancellationToken ct) => blobs.Put(file, ctx.IdempotencyKey, ct);
            """));

    [Fact]
    public Task Step_reading_ctx_key_in_a_lambda_does_not_warn() => AnalyzeAsync(
        Workflow(
            """
                [Step]
                public Task<string> Upload(ExportFile file, StepContext ctx, CancellationToken ct)
                {
                    Func<Task<string>> put = () => blobs.Put(file, ctx.IdempotencyKey, ct);
                    return put();
                }
            """));

    [Fact]
    public Task Step_reading_ctx_key_in_a_local_function_does_not_warn() => AnalyzeAsync(
        Workflow(
            """
                [Step]
                public Task<string> Upload(ExportFile file, StepContext ctx, CancellationToken ct)
                {
                    return Put();

                    Task<string> Put() => blobs.Put(file, ctx.IdempotencyKey, ct);
                }
            """));

    [Fact]
    public Task Step_passing_ctx_to_a_helper_that_reads_the_key_does_not_warn() => AnalyzeAsync(
        Workflow(
            """
                [Step]
                public Task<string> Upload(ExportFile file, StepContext ctx, CancellationToken ct) => Put(file, ctx, ct);

                private Task<string> Put(ExportFile file, StepContext context, CancellationToken ct) => blobs.Put(file, context.IdempotencyKey, ct);
            """));

    [Fact]
    public Task Step_passing_ctx_through_a_chain_of_helpers_to_one_that_reads_the_key_does_not_warn() => AnalyzeAsync(
        Workflow(
            """
                [Step]
                public Task<string> Upload(ExportFile file, StepContext ctx, CancellationToken ct) => First(file, ctx, ct);

                private Task<string> First(ExportFile file, StepContext context, CancellationToken ct) => Second(context, file, ct);

                private Task<string> Second(StepContext context, ExportFile file, CancellationToken ct) => new Uploads(blobs).Put(file, context, ct);
            }

            public static class UploadExtensions
            {
                public static string KeyFor(this StepContext context, ExportFile file) => context.IdempotencyKey + file.Path;
            }

            public sealed class Uploads(IBlobs blobs)
            {
                public Task<string> Put(ExportFile file, StepContext context, CancellationToken ct) => blobs.Put(file, context.KeyFor(file), ct);
            """));

    [Fact]
    public Task Step_passing_ctx_to_a_helper_in_another_file_that_reads_the_key_does_not_warn()
    {
        var test = new InquirAnalyzerTest<RetriedStepWithoutIdempotencyAnalyzer>(Workflow(
            """
                [Step]
                public Task<string> Upload(ExportFile file, StepContext ctx, CancellationToken ct) => UploadKeys.Put(blobs, file, ctx, ct);
            """));
        test.TestState.Sources.Add(
            """
            using System.Threading;
            using System.Threading.Tasks;
            using Inquir.Typed;

            public static class UploadKeys
            {
                public static Task<string> Put(IBlobs blobs, ExportFile file, StepContext ctx, CancellationToken ct) => blobs.Put(file, ctx.IdempotencyKey, ct);
            }
            """);
        return test.RunAsync();
    }

    [Fact]
    public Task Step_passing_ctx_to_a_library_method_does_not_warn()
    {
        var test = new InquirAnalyzerTest<RetriedStepWithoutIdempotencyAnalyzer>(Workflow(
            """
                [Step]
                public Task<string> Upload(ExportFile file, StepContext ctx, CancellationToken ct) => Blobs.Library.KeyedUploads.Put(file.Path, ctx, ct);
            """));
        test.TestState.AdditionalReferences.Add(KeyedUploadsLibrary.Value);
        return test.RunAsync();
    }

    [Fact]
    public Task Step_reading_an_idempotency_key_member_of_its_input_does_not_warn() => AnalyzeAsync(
        Workflow(
            """
                [Step]
                public Task<string> Render(ExportRequest request, CancellationToken ct) => blobs.Put(new ExportFile(request.UserId), request.RequestId, ct);
            """));

    [Fact]
    public Task Step_declared_idempotent_does_not_warn() => AnalyzeAsync(
        Workflow(
            """
                [Step(Retries = 3, Idempotent = true)]
                public Task<string> Upload(ExportFile file, CancellationToken ct) => blobs.Put(file, null, ct);
            """));

    [Fact]
    public Task Step_that_is_not_retried_does_not_warn() => AnalyzeAsync(
        Workflow(
            """
                [Step(Retries = 0)]
                public Task<string> Upload(ExportFile file, CancellationToken ct) => blobs.Put(file, null, ct);
            """));

    [Fact]
    public Task Step_method_in_a_class_without_workflow_attribute_does_not_warn() => AnalyzeAsync(
        Prelude +
        """
        public sealed class ExportData(IBlobs blobs)
        {
            [Step(Retries = 3)]
            public Task<string> Upload(ExportFile file, CancellationToken ct) => blobs.Put(file, null, ct);
        }
        """);

    [Fact]
    public Task Method_without_step_attribute_does_not_warn() => AnalyzeAsync(
        Workflow(
            """
                [Step(Retries = 3)]
                public Task<string> Upload(ExportFile file, StepContext ctx, CancellationToken ct) => blobs.Put(file, ctx.IdempotencyKey, ct);

                public Task<string> Reupload(ExportFile file, CancellationToken ct) => blobs.Put(file, null, ct);
            """));

    [Fact]
    public async Task Editorconfig_can_raise_the_warning_to_an_error()
    {
        var diagnostics = await ConfiguredAnalysis.RunAsync<RetriedStepWithoutIdempotencyAnalyzer>(
            Workflow(
                """
                    [Step(Retries = 3)]
                    public Task<string> Upload(ExportFile file, CancellationToken ct) => blobs.Put(file, null, ct);
                """),
            """
            root = true

            [*.cs]
            dotnet_diagnostic.INQ2001.severity = error
            """);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("INQ2001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
    }

    [Fact]
    public Task Editorconfig_can_turn_the_warning_off()
    {
        var test = new InquirAnalyzerTest<RetriedStepWithoutIdempotencyAnalyzer>(Workflow(
            """
                [Step(Retries = 3)]
                public Task<string> Upload(ExportFile file, CancellationToken ct) => blobs.Put(file, null, ct);
            """));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig",
            """
            root = true

            [*.cs]
            dotnet_diagnostic.INQ2001.severity = none
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task Compilation_without_inquir_reference_reports_nothing()
    {
        var test = new InquirAnalyzerTest<RetriedStepWithoutIdempotencyAnalyzer>(
            """
            public sealed class StepAttribute : System.Attribute { public int Retries { get; set; } }

            public sealed class WorkflowAttribute(string name) : System.Attribute { public string Name { get; } = name; }

            [Workflow("export-data")]
            public sealed class ExportData
            {
                [Step(Retries = 3)]
                public int Upload(int file) => file;
            }
            """);
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        return test.RunAsync();
    }

    /// <summary>A compiled library (no source in the test compilation) with a method that takes a StepContext.</summary>
    private static readonly Lazy<MetadataReference> KeyedUploadsLibrary = new(() =>
    {
        var compilation = CSharpCompilation.Create(
            "Blobs.Library",
            [CSharpSyntaxTree.ParseText(
                """
                namespace Blobs.Library;

                public static class KeyedUploads
                {
                    public static System.Threading.Tasks.Task<string> Put(string path, Inquir.Typed.StepContext ctx, System.Threading.CancellationToken ct) =>
                        System.Threading.Tasks.Task.FromResult(path + ctx.IdempotencyKey);
                }
                """)],
            InquirAnalyzerTest<RetriedStepWithoutIdempotencyAnalyzer>.DefaultReferences,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    });
}

namespace Inquir.Typed.Analyzers.Tests.Verification;

/// <summary>
/// The sources the step-body tests share: the usings, a few service interfaces, a hand-written starter shaped like
/// the generated one, and a workflow class named ExportData ("export-data") around the members under test.
/// </summary>
internal static class StepSources
{
    public const string Prelude =
        """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Inquir.Typed;

        public sealed record ExportRequest(string UserId);

        public sealed record ExportFile(string Path);

        public interface IBlobs
        {
            Task<string> Put(ExportFile file, string? key, CancellationToken ct);

            Task<string> Read(string path);

            Task<string> Read(string path, CancellationToken ct);

            Task Delete(string path, CancellationToken ct = default);

            string Describe(string path);
        }

        public static class NotifyUserWorkflowExtensions
        {
            public static Task<WorkflowRun<int>> StartNotifyUserAsync(this IWorkflowClient client, string input, string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
                throw new NotImplementedException();
        }

        """;

    /// <summary>A workflow class ExportData ("export-data") with an IBlobs and an IWorkflowClient, holding the members.</summary>
    public static string Workflow(string members) => Prelude +
        $$"""
        [Workflow("export-data")]
        public sealed partial class ExportData(IBlobs blobs, IWorkflowClient client)
        {
        {{members}}
        }
        """;
}

// The example of docs/testing.md ("Testing your workflows"), word for word, so that it is known to compile and pass.
using Inquir.Typed;
using Inquir.Typed.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ReadmeExample;

[Workflow("publish")]
public sealed partial class Publish(IUploader uploader)
{
    [Step(Idempotent = true)]
    public string Render(string report) => $"{report}.pdf";

    [Step(Retries = 3, Backoff = "exp", Delay = "1s")]
    public Task<string> Upload(string file, StepContext ctx, CancellationToken ct) => uploader.PutAsync(file, ctx.IdempotencyKey, ct);
}

public interface IUploader
{
    Task<string> PutAsync(string file, string idempotencyKey, CancellationToken ct);
}

public sealed class PublishTests
{
    private sealed class DownUploader : IUploader
    {
        public Task<string> PutAsync(string file, string idempotencyKey, CancellationToken ct) =>
            throw new HttpRequestException("503 Service Unavailable");
    }

    [Fact]
    public async Task Upload_retries_3_times_with_exponential_backoff_then_the_run_fails()
    {
        await using var host = await InquirTestHost.StartAsync(services => services
            .AddSingleton<IUploader, DownUploader>()
            .AddWorkflow<Publish>());

        // Runs every due step, moving the fake clock over each backoff delay: no sleeping, no database server.
        var run = await host.RunToCompletionAsync(await host.Client.StartPublishAsync("q3-report"));

        run.ShouldHaveFailed("503 Service Unavailable");
        run.Step("Render").ShouldHaveRun(times: 1).ShouldHaveSucceeded();
        run.Step("Upload")
            .ShouldHaveRun(times: 4)   // the first attempt and 3 retries
            .ShouldHaveWaited(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));
    }
}

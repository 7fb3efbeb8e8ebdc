namespace Inquir.Typed.Testing.Tests;

/// <summary>The sample workflow of these tests: render a report, then upload it, retried 3 times with exponential backoff from 1 s.</summary>
[Workflow("export-report")]
public sealed partial class ExportReport(FlakyUploader uploader)
{
    [Step(Idempotent = true)]
    public string Render(string report) => $"{report}.pdf";

    [Step(Retries = 3, Backoff = "exp", Delay = "1s", Idempotent = true)]
    public async Task<string> Upload(string file, CancellationToken cancellationToken) =>
        await uploader.UploadAsync(file, cancellationToken);
}

/// <summary>An uploader that refuses the first <see cref="Failures"/> uploads with a 503, then accepts; or waits at a gate.</summary>
public sealed class FlakyUploader
{
    private int _calls;

    /// <summary>How many uploads fail before one succeeds.</summary>
    public int Failures { get; init; }

    /// <summary>When set, every upload waits for it before it answers.</summary>
    public TaskCompletionSource? Gate { get; init; }

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Completes when the first upload has begun (and, with a <see cref="Gate"/>, is waiting on it).</summary>
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<string> UploadAsync(string file, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref _calls);
        Entered.TrySetResult();
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (call <= Failures)
        {
            throw new HttpRequestException($"upload refused: 503 (call {call})");
        }

        return $"https://files.example/{file}";
    }
}

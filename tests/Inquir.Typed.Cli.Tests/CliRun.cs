namespace Inquir.Typed.Cli.Tests;

/// <summary>Runs the CLI's entry point in-process with its output captured, the way a shell would see it.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static async Task<CliRun> InvokeAsync(string? connectionString, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await InquirCli.RunAsync(
            args,
            output,
            error,
            name => name == "INQUIR_CONNECTION" ? connectionString : null,
            CancellationToken.None);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}

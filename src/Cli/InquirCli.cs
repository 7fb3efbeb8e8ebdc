using System.CommandLine;
using Inquir.Typed.Cli.Commands;
using Spectre.Console;

namespace Inquir.Typed.Cli;

/// <summary>The <c>inquir</c> command line: parses, runs one command, and maps every failure to one stderr line and an exit code.</summary>
internal static class InquirCli
{
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Func<string, string?> environment, CancellationToken cancellationToken) =>
        RunAsync(args, output, error, environment, TimeProvider.System, cancellationToken);

    public static async Task<int> RunAsync(
        string[] args, TextWriter output, TextWriter error, Func<string, string?> environment, TimeProvider time, CancellationToken cancellationToken)
    {
        var common = new CommonOptions();
        var context = new CommandContext(common, output, Console(output, environment), environment, time);
        var root = new RootCommand("Inquir.Typed operations: find runs and their failures, see every attempt, replay, restart, cancel, pause schedules and queues, list alerts, migrate.")
        {
            RunsCommand.Create(context),
            FailuresCommand.Create(context),
            SchedulesCommand.Create(context),
            QueuesCommand.Create(context),
            LimitsCommand.Create(context),
            AlertsCommand.Create(context),
            MigrateCommand.Create(context),
        };
        root.Options.Add(common.Connection);
        root.Options.Add(common.Sqlite);
        root.Options.Add(common.Schema);

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // An unknown word is named; System.CommandLine would first report the command it left missing.
            var problem = parse.UnmatchedTokens.Count > 0 ? $"Unrecognized command or argument '{parse.UnmatchedTokens[0]}'." : parse.Errors[0].Message;
            await error.WriteLineAsync(StderrLine.From($"{problem} (see 'inquir --help')")).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(
                new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var (code, message) = ErrorReport.Describe(e, context.ConnectionString);
            await error.WriteLineAsync(StderrLine.From(message)).ConfigureAwait(false);
            return code;
        }
    }

    // Tables go to the given writer without colour codes, wide enough for ids and timestamps.
    private static IAnsiConsole Console(TextWriter output, Func<string, string?> environment)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = int.TryParse(environment("COLUMNS"), out var columns) && columns >= 40 ? columns : 200;
        return console;
    }
}

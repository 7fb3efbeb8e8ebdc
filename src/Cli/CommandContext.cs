using System.CommandLine;
using Spectre.Console;

namespace Inquir.Typed.Cli;

/// <summary>What a command's action needs: the parsed options, where to write, the clock and the connection.</summary>
internal sealed class CommandContext(CommonOptions common, TextWriter output, IAnsiConsole console, Func<string, string?> environment, TimeProvider time)
{
    public TextWriter Output => output;

    public IAnsiConsole Console => console;

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>The connection string from <c>--connection</c> or the environment; set once a command has read it.</summary>
    public string? ConnectionString { get; private set; }

    public HistorySession Open(ParseResult parse)
    {
        if (parse.GetValue(common.Sqlite) is { } file)
        {
            if (parse.GetValue(common.Connection) is not null)
            {
                throw new UsageException("Give either --sqlite or --connection, not both.");
            }

            if (string.IsNullOrWhiteSpace(file))
            {
                throw new UsageException("--sqlite names no file.");
            }

            return HistorySession.OpenSqlite(file);
        }

        ConnectionString = parse.GetValue(common.Connection) ?? environment(CommonOptions.ConnectionVariable);
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new UsageException($"No database given: pass --connection or --sqlite, or set {CommonOptions.ConnectionVariable}.");
        }

        try
        {
            return HistorySession.Open(ConnectionString, parse.GetValue(common.Schema)!);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message.Split(" (Parameter", 2)[0]);
        }
    }
}

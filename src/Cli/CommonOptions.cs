using System.CommandLine;
using Inquir.Typed.Cli.Input;

namespace Inquir.Typed.Cli;

/// <summary>The options every command shares; they may be given before or after the command name.</summary>
internal sealed class CommonOptions
{
    public const string ConnectionVariable = "INQUIR_CONNECTION";

    public Option<string?> Connection { get; } = new("--connection", "-c")
    {
        Description = $"PostgreSQL connection string; default: the {ConnectionVariable} environment variable.",
        Recursive = true,
    };

    public Option<string?> Sqlite { get; } = new("--sqlite")
    {
        Description = "Path of a SQLite database file (the embedded store), instead of --connection.",
        Recursive = true,
    };

    public Option<string> Schema { get; } = new Option<string>("--schema")
    {
        Description = "The schema holding the runtime's tables.",
        DefaultValueFactory = _ => "inquir",
        Recursive = true,
    }.RefusingNul();

    /// <summary>A fresh <c>--json</c> option for each command that lists or shows.</summary>
    public static Option<bool> Json() => new("--json") { Description = "Write JSON instead of a table, for scripts." };
}

namespace Inquir.Typed.Cli;

/// <summary>What the <c>inquir</c> command's exit code means; scripts may rely on these.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Ok = 0;

    /// <summary>The run or schedule does not exist, or a bulk command matched no run.</summary>
    public const int NotFound = 1;

    /// <summary>Bad usage: an unknown option, a bad run id, a bad time or time range, a bad filter, a value PostgreSQL cannot take.</summary>
    public const int Usage = 2;

    /// <summary>The database could not be reached or refused the login.</summary>
    public const int DatabaseUnreachable = 3;

    /// <summary>The run is in a status the command does not apply to (replaying a succeeded run, cancelling a finished one).</summary>
    public const int WrongState = 4;

    /// <summary>The schema does not exist or is not migrated: run <c>inquir migrate</c>.</summary>
    public const int NotMigrated = 5;

    /// <summary>Anything else the database reported.</summary>
    public const int Failed = 10;
}

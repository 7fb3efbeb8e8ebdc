namespace Inquir.Typed.Cli;

/// <summary>A command-line value the CLI cannot use; its message is the one line the user sees.</summary>
internal sealed class UsageException(string message) : Exception(message);

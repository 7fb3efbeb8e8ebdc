namespace Inquir.Typed.Cli;

/// <summary>The run a command names does not exist.</summary>
internal sealed class RunMissingException(Guid runId) : Exception($"There is no run {runId}.");

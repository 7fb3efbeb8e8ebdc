using System;
using Inquir.Typed.Policies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inquir.Typed.Analyzers.Definitions;

/// <summary>
/// The worker lease the analyzers compare step timeouts with: <c>inquir.lease_duration</c> from .editorconfig or a
/// global config file, written like a step duration (<c>45s</c>, <c>2m</c>), else the runtime's default of 30 s.
/// </summary>
internal static class LeaseDurationOption
{
    /// <summary>The option's key; analyzer config keys are read in lower case.</summary>
    public const string Key = "inquir.lease_duration";

    /// <summary>The default of <c>WorkerOptions.LeaseDuration</c>.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(30);

    /// <summary>The lease that applies to a file; a value that is not a duration is ignored in favour of the default.</summary>
    public static TimeSpan For(SyntaxTree tree, AnalyzerConfigOptionsProvider options)
    {
        if (options.GetOptions(tree).TryGetValue(Key, out var text) || options.GlobalOptions.TryGetValue(Key, out text))
        {
            if (DurationText.TryParse(text, out var lease, out _) && lease > TimeSpan.Zero)
            {
                return lease;
            }
        }

        return Default;
    }
}

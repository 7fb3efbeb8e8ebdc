// Compiled into both the runtime and the generator: one spelling of the backoff names.
namespace Inquir.Typed.Policies
{
    /// <summary>Reads the backoff names a step may use: <c>exp</c>, <c>linear</c>, <c>fixed</c> and <c>none</c>.</summary>
    internal static class BackoffText
    {
        /// <summary>The accepted spellings, for error messages.</summary>
        public const string Accepted = "\"exp\", \"linear\", \"fixed\" or \"none\"";

        /// <summary>Maps a spelling to the name of the matching <c>BackoffKind</c> member.</summary>
        public static bool TryParse(string? text, out string kindName)
        {
            switch (text?.Trim().ToLowerInvariant())
            {
                case "exp":
                case "exponential":
                    kindName = "Exponential";
                    return true;
                case "linear":
                    kindName = "Linear";
                    return true;
                case "fixed":
                    kindName = "Fixed";
                    return true;
                case "none":
                    kindName = "None";
                    return true;
                default:
                    kindName = string.Empty;
                    return false;
            }
        }
    }
}

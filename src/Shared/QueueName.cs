// Compiled into the runtime, the generator, the CLI and the dashboard: a queue name the generator accepts is one the
// runtime, the database's check and the command line accept too.
namespace Inquir.Typed
{
    /// <summary>The rules for queue names: 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.</summary>
    internal static class QueueName
    {
        /// <summary>The queue of a workflow that names none.</summary>
        public const string Default = "default";

        /// <summary>The longest queue name.</summary>
        public const int MaxLength = 64;

        /// <summary>The rule in words, for messages.</summary>
        public const string Rule = "1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit";

        /// <summary>Whether <paramref name="name"/> follows the rules (the same as the database's check on <c>runs.queue</c>).</summary>
        public static bool IsValid(string? name)
        {
            if (name is null || name.Length == 0 || name.Length > MaxLength || !IsAsciiLetterOrDigit(name[0]))
            {
                return false;
            }

            foreach (var c in name)
            {
                if (!IsAsciiLetterOrDigit(c) && c != '.' && c != '_' && c != '-')
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsAsciiLetterOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');
    }
}

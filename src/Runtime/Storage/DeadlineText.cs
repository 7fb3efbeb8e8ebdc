using System.Globalization;
using System.Text;

namespace Inquir.Typed.Storage;

/// <summary>The words written when a run's deadline passes, made here so that both stores write the same.</summary>
internal static class DeadlineText
{
    /// <summary>The <c>error_type</c> of the attempt that was running when the deadline passed.</summary>
    public static readonly string ErrorType = typeof(DeadlineExceededException).FullName!;

    /// <summary>The run's error (and the running attempt's message): the deadline, as long as it was and when it passed.</summary>
    public static string RunError(DateTimeOffset startedAt, DateTimeOffset deadlineAt) => string.Create(
        CultureInfo.InvariantCulture,
        $"DeadlineExceeded: the run's deadline of {Length(deadlineAt - startedAt)} passed at {deadlineAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC before the run ended; its running step and unended children were cancelled");

    // The duration text [Workflow(Deadline = "...")] takes: "2h", "1d12h", "90s".
    private static string Length(TimeSpan length)
    {
        if (length <= TimeSpan.Zero)
        {
            return "0s";
        }

        var text = new StringBuilder();
        void Part(long amount, string unit)
        {
            if (amount > 0)
            {
                text.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(unit);
            }
        }

        Part(length.Days, "d");
        Part(length.Hours, "h");
        Part(length.Minutes, "m");
        Part(length.Seconds, "s");
        Part(length.Milliseconds, "ms");
        return text.ToString();
    }
}

namespace Inquir.Typed.Dashboard;

/// <summary>How the dashboard behaves; set with <c>services.AddInquirDashboard(o =&gt; …)</c>.</summary>
public sealed class InquirDashboardOptions
{
    /// <summary>Hides every action (replay, restart, cancel, bulk replay, pause and resume) and maps no endpoint for them.</summary>
    public bool ReadOnly { get; set; }

    /// <summary>The title at the top of every page.</summary>
    public string Title { get; set; } = "Inquir.Typed";

    /// <summary>How many runs a page of the runs list holds, 1 to <see cref="RunQuery.MaxLimit"/>. Default 50.</summary>
    public int PageSize { get; set; } = 50;

    /// <summary>
    /// How often an open page (overview, runs, a run, failures, schedules, queues) refreshes itself while its tab is
    /// visible, through the dashboard's own small script: it fetches the page again and swaps in what changed, so a
    /// run's new status shows without a reload. Each open, visible tab costs one render of its page (a few indexed
    /// queries) per interval; a hidden tab costs nothing. At least one second; <see cref="TimeSpan.Zero"/> turns it
    /// off. Default 5 seconds.
    /// </summary>
    public TimeSpan LiveRefresh { get; set; } = TimeSpan.FromSeconds(5);
}

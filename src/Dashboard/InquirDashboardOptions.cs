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
}

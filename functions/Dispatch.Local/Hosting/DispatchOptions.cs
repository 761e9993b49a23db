namespace Dispatch.Local.Hosting;

/// <summary>Settings of the local host (section "Dispatch"; in the same section, links are <see cref="PublicLinkOptions"/>,
/// the signing key is <see cref="SigningKeyOptions"/> and the demo switch is <see cref="Demo.DemoMode"/>).</summary>
public sealed class DispatchOptions
{
    /// <summary>How soon the background loop tries again after a failed pass.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the background loop runs its upkeep pass without being woken: left-over effects after a
    /// crash, reminders, the yearly freeze and retention. Offers and timers wake it at once instead.</summary>
    public TimeSpan UpkeepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the repair pass compares a page of projection rows with their orders.</summary>
    public TimeSpan ProjectionRepairInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the upkeep pass looks for orders a crash left with effects still to run (a filtered scan
    /// of the order rows; also once on start). An effect that fails while the host runs marks its order instead, and
    /// the next upkeep pass retries it.</summary>
    public TimeSpan PendingScanInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Run the background loops. Tests switch them off and pump by hand under a controlled clock.</summary>
    public bool RunBackgroundLoops { get; set; } = true;
}

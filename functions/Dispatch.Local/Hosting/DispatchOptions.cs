namespace Dispatch.Local.Hosting;

/// <summary>Settings of the local host (section "Dispatch"; in the same section, links are <see cref="PublicLinkOptions"/>,
/// the signing key is <see cref="SigningKeyOptions"/> and the demo switch is <see cref="Demo.DemoMode"/>).</summary>
public sealed class DispatchOptions
{
    /// <summary>How often the timer pump, the queue consumer and the outbox sweeper look for work.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the repair pass compares a page of projection rows with their orders.</summary>
    public TimeSpan ProjectionRepairInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Run the background loops. Tests switch them off and pump by hand under a controlled clock.</summary>
    public bool RunBackgroundLoops { get; set; } = true;
}

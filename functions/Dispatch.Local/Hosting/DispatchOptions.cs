using System.ComponentModel.DataAnnotations;

namespace Dispatch.Local.Hosting;

/// <summary>Settings of the local host (section "Dispatch"; links are <see cref="PublicLinkOptions"/> in the same section).</summary>
public sealed class DispatchOptions
{
    /// <summary>Secret that signs residents', members' and organizers' links. Local default only; set your own.</summary>
    [Required, MinLength(16)]
    public string SigningKey { get; set; } = "";

    /// <summary>Seed one demo community with grids, buildings and about 50 members on start (idempotent).</summary>
    public bool SeedDemo { get; set; } = true;

    /// <summary>How often the timer pump, the queue consumer and the outbox sweeper look for work.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Run the background loops. Tests switch them off and pump by hand under a controlled clock.</summary>
    public bool RunBackgroundLoops { get; set; } = true;
}

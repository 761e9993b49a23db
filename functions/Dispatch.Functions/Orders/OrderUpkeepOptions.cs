using System.ComponentModel.DataAnnotations;

namespace Dispatch.Functions.Orders;

/// <summary>Section "Orders": how orchestrations are kept short, repaired and purged.</summary>
public sealed class OrderUpkeepOptions
{
    /// <summary>Decisions per orchestration generation before ContinueAsNew cuts the history short.</summary>
    [Range(1, 1000)]
    public int EventsPerGeneration { get; set; } = OrderOrchestration.DefaultEventsPerGeneration;

    /// <summary>Days a finished order's orchestration history is kept (for support) before it is purged.
    /// The order itself, its history rows and its service record stay in the app's tables.</summary>
    [Range(1, 3650)]
    public int HistoryRetentionDays { get; set; } = 30;

    /// <summary>How old an open order must be before the repair sweep restarts a missing orchestration:
    /// the place function stores the order a moment before it starts the orchestration.</summary>
    public TimeSpan RepairGrace { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Tries of an activity before the order stalls (see <see cref="RetrySettings"/>).</summary>
    [Range(1, 20)]
    public int ActivityAttempts { get; set; } = RetrySettings.Default.ActivityAttempts;

    public TimeSpan FirstRetry { get; set; } = RetrySettings.Default.FirstRetry;

    public TimeSpan StallFirst { get; set; } = RetrySettings.Default.StallFirst;

    public TimeSpan StallMax { get; set; } = RetrySettings.Default.StallMax;

    /// <summary>What new orchestrations carry in their input.</summary>
    public RetrySettings Retry => new(ActivityAttempts, FirstRetry, StallFirst, StallMax);
}

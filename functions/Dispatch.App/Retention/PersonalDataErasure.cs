using Dispatch.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dispatch.App.Retention;

/// <summary>Erases residents' names, phones, addresses, descriptions, free-text reasons and photos of orders closed
/// more than <see cref="RetentionOptions.PersonalDataRetentionDays"/> ago. Both hosts run it (local: the
/// background loop; Azure: the PersonalDataErasure timer). The order keeps its ids, state and history; service
/// records, tallies and proofs hold no resident data, so they stay as they are. Idempotent.</summary>
public sealed class PersonalDataErasure(
    RetentionStore retention,
    OrderStore orders,
    PhotoStore photos,
    TimeProvider clock,
    IOptions<RetentionOptions> options,
    ILogger<PersonalDataErasure> logger)
{
    /// <summary>Orders per run: bounds one pass; a timer run repeats until a run finds fewer.</summary>
    public const int Batch = 100;

    /// <summary>Erases one batch; returns how many orders it went through.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(options.Value.PersonalDataRetentionDays);
        var due = await retention.DueAsync(cutoff, Batch, ct);
        foreach (var (day, orderId) in due)
        {
            // Only closed orders: a note never names an open one, but the order row is the authority.
            if (await orders.GetAsync(orderId, ct) is { State.IsTerminal: true })
            {
                await orders.ErasePersonalDataAsync(orderId, ct);
                await photos.DeleteAsync(orderId, ct);
            }

            await retention.RemoveAsync(day, orderId, ct);
        }

        if (due.Count > 0)
        {
            logger.LogInformation("Personal data of {Count} orders closed before {Cutoff:u} erased", due.Count, cutoff);
        }

        return due.Count;
    }
}

using Dispatch.App.Notices;
using Microsoft.Extensions.Options;

namespace Dispatch.Local.Hosting;

/// <summary>Delivers offers the moment the request path queues them, on a loop of its own, so an offer never waits
/// behind an upkeep pass or a due timer (the local stand-in for Service Bus' push to its consumer). The background
/// loop's passes drain the queue too: a message whose delivery failed comes back after its visibility timeout.</summary>
public sealed class OfferDeliveryLoop(AssignmentDrain drain, WorkSignal signal, IOptions<DispatchOptions> options, ILogger<OfferDeliveryLoop> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunBackgroundLoops)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await signal.WaitForOfferAsync(stoppingToken);
                await drain.DrainOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Offer delivery failed; the next upkeep pass drains the queue again");
            }
        }
    }
}

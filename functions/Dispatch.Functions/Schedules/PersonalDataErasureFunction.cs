using Dispatch.App.Retention;
using Microsoft.Azure.Functions.Worker;

namespace Dispatch.Functions.Schedules;

/// <summary>The Azure host's schedule for <see cref="PersonalDataErasure"/> (UTC CRON from the app setting
/// PersonalDataErasureSchedule, daily "0 0 20 * * *" = 04:00 China time). It erases in bounded batches until
/// nothing is due; the job is idempotent, so a double or late fire only costs a few reads.</summary>
public sealed class PersonalDataErasureFunction(PersonalDataErasure erasure)
{
    public const string Name = "PersonalDataErasure";

    [Function(Name)]
    public async Task RunAsync([TimerTrigger("%PersonalDataErasureSchedule%")] TimerInfo timer, CancellationToken ct)
    {
        while (await erasure.RunOnceAsync(ct) == PersonalDataErasure.Batch)
        {
            ct.ThrowIfCancellationRequested();
        }
    }
}

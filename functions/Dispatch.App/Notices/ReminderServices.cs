using Microsoft.Extensions.DependencyInjection;
using Dispatch.Core.Reminders;
using Dispatch.Storage;

namespace Dispatch.App.Notices;

public static class ReminderServices
{
    /// <summary>The reminder policy, its stores, the sweep and the notifier's gate.</summary>
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddSingleton(ReminderPolicy.Default);
        services.AddSingleton(sp => new ReminderLedger(sp.GetRequiredService<StorageAccount>()));
        services.AddSingleton(sp => new ReminderDeferrals(sp.GetRequiredService<StorageAccount>()));
        services.AddSingleton(sp => new SweepMarks(sp.GetRequiredService<StorageAccount>()));
        services.AddSingleton<ReminderPost>();
        services.AddSingleton<ReminderSweep>();
        services.AddSingleton<OrderReminderGate>();
        return services;
    }
}

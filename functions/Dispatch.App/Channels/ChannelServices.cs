using Dispatch.App.SignedLinks;
using Dispatch.Core.Notifications;
using Dispatch.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dispatch.App.Channels;

public static class ChannelServices
{
    /// <summary>The notification channels (settings Push:*, Smtp:*, and the Sms:* provider sign-in uses), their stores,
    /// the delivery log and the routes' use cases. A channel without settings is off. A demo without push keys derives a
    /// stable pair from the signing key, so push works on <c>run.sh</c>.</summary>
    public static IServiceCollection AddChannels(this IServiceCollection services, IConfiguration configuration, bool demo)
    {
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section));
        services.AddOptions<PushOptions>().Bind(configuration.GetSection(PushOptions.Section))
            .PostConfigure<IOptions<SigningKeyOptions>>((push, keys) =>
            {
                if (!push.IsConfigured && demo && keys.Value.SigningKey is { Length: > 0 } key)
                {
                    push.DeriveFrom(key);
                }
            });
        services.TryAddSingleton(DeliveryPolicy.Default);
        services.TryAddSingleton(sp => new ChannelStore(sp.GetRequiredService<StorageAccount>()));
        services.TryAddSingleton(sp => new DeliveryStore(sp.GetRequiredService<StorageAccount>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationChannel, EmailChannel>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationChannel, SmsChannel>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationChannel, WebPushChannel>(sp =>
            ActivatorUtilities.CreateInstance<WebPushChannel>(sp, new HttpClient())));
        services.TryAddSingleton<ChannelDelivery>();
        services.TryAddSingleton<ChannelUseCases>();
        return services;
    }
}

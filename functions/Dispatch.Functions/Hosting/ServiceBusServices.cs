using Azure.Core;
using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Dispatch.App.Queries;
using Dispatch.Functions.Assignments;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dispatch.Functions.Hosting;

/// <summary>The Service Bus side of the assignment queue, registered when the "ServiceBus" connection is
/// configured (<see cref="AssignmentTransport"/>): the client, the queue's sender, the offer sender and the
/// dead-letter list.</summary>
internal static class ServiceBusServices
{
    public static IServiceCollection AddServiceBusAssignments(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(_ => CreateClient(configuration));
        services.TryAddSingleton(sp => sp.GetRequiredService<ServiceBusClient>().CreateSender(sp.GetRequiredService<IOptions<AssignmentOptions>>().Value.QueueName));
        services.TryAddSingleton<IAssignmentSender, ServiceBusAssignmentSender>();
        services.TryAddSingleton<IDeadLetters, ServiceBusDeadLetters>();
        return services;
    }

    /// <summary>The same "ServiceBus" connection the trigger uses: a connection string (the emulator) or
    /// ServiceBus__fullyQualifiedNamespace with ServiceBus__credential=managedidentity and __clientId.</summary>
    private static ServiceBusClient CreateClient(IConfiguration configuration)
    {
        if (configuration["ServiceBus"] is { Length: > 0 } connectionString)
        {
            return new ServiceBusClient(connectionString, ClientOptions);
        }

        var section = configuration.GetSection("ServiceBus");
        var fqns = section["fullyQualifiedNamespace"]
            ?? throw new InvalidOperationException("Set ServiceBus__fullyQualifiedNamespace or a ServiceBus connection string.");
        var clientId = section["clientId"];
        TokenCredential credential = string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId ?? throw new InvalidOperationException("Set ServiceBus__clientId.")))
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
        return new ServiceBusClient(fqns, credential, ClientOptions);
    }

    /// <summary>Bounded retries: the SDK's defaults (a 60 s try timeout, up to 30 s between tries) would hold an
    /// offer's activity or an organizer's page for minutes in an outage; Durable's activity retries and the
    /// pages' 503 with Retry-After take over sooner.</summary>
    private static ServiceBusClientOptions ClientOptions => new()
    {
        RetryOptions = new ServiceBusRetryOptions
        {
            Mode = ServiceBusRetryMode.Exponential,
            MaxRetries = 3,
            Delay = TimeSpan.FromMilliseconds(500),
            MaxDelay = TimeSpan.FromSeconds(5),
            TryTimeout = TimeSpan.FromSeconds(15),
        },
    };
}

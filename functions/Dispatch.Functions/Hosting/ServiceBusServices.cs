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
            return new ServiceBusClient(connectionString);
        }

        var section = configuration.GetSection("ServiceBus");
        var fqns = section["fullyQualifiedNamespace"]
            ?? throw new InvalidOperationException("Set ServiceBus__fullyQualifiedNamespace or a ServiceBus connection string.");
        var clientId = section["clientId"];
        TokenCredential credential = string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId ?? throw new InvalidOperationException("Set ServiceBus__clientId.")))
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
        return new ServiceBusClient(fqns, credential);
    }
}

using Microsoft.Extensions.Configuration;

namespace Dispatch.Functions.Assignments;

/// <summary>Which queue carries offers in this app, decided once at start from the settings: Service Bus
/// when the "ServiceBus" connection is configured (a connection string, or
/// ServiceBus__fullyQualifiedNamespace for a managed identity), otherwise the Storage queue of
/// Dispatch.Storage with its poison queue and a polling timer (for development without a namespace).</summary>
public sealed record AssignmentTransport(bool UsesServiceBus)
{
    public static AssignmentTransport From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connection = configuration["ServiceBus"];
        var fullyQualifiedNamespace = configuration["ServiceBus:fullyQualifiedNamespace"];
        return new AssignmentTransport(!string.IsNullOrWhiteSpace(connection) || !string.IsNullOrWhiteSpace(fullyQualifiedNamespace));
    }
}

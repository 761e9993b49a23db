using Dispatch.Testing;

namespace Dispatch.Storage.Tests;

/// <summary>One Azurite for the whole assembly; each test gets its own table prefix.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "azurite";
}

/// <summary>Gives each test a fresh, isolated set of tables and queues in the shared Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public abstract class StorageTest(AzuriteFixture azurite) : IAsyncLifetime
{
    protected AzuriteFixture Azurite { get; } = azurite;

    protected StorageAccount Account { get; } = new(new StorageOptions
    {
        ConnectionString = azurite.ConnectionString,
        TablePrefix = AzuriteFixture.NewPrefix(),
    });

    public Task InitializeAsync() => Account.EnsureCreatedAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}

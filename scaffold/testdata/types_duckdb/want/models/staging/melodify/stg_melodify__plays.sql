-- dataeng-os: generated from contract urn:datacontract:melodify:plays v1.0.0; hash sha256:03a78081087ec738. Edit the contract and re-run dataeng-os scaffold; hand edits are kept unless --force.
with source as (

    select * from {{ source('melodify', 'plays') }}

),

renamed as (

    select
        cast(play_id as bigint) as play_id,
        cast(listener_id as ubigint) as listener_id,
        strptime(played_on, '%m/%d/%Y')::date as played_on,
        strptime(played_at, '%Y-%m-%dT%H:%M:%S.%g%z')::timestamp with time zone as played_at,
        strptime(loaded_at, '%d/%m/%Y %H:%M')::timestamp as loaded_at,
        cast(price as decimal(10,2)) as price,
        cast(duration_ms as integer) as duration_ms,
        cast(device as json) as device,
        cast(cast(genres as json) as varchar[]) as genres,
        cast(cast(skip_seconds as json) as integer[]) as skip_seconds

    from source

)

select * from renamed

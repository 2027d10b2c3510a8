-- dataeng-os: generated from contract urn:datacontract:melodify:plays v1.0.0; hash sha256:0ffab86b98e12e27. Edit the contract and re-run dataeng-os scaffold; hand edits are kept unless --force.
with source as (

    select * from {{ source('melodify', 'plays') }}

),

renamed as (

    select
        cast(play_id as number(38,0)) as play_id,
        cast(listener_id as number(38,0)) as listener_id,
        to_date(played_on, 'MM/DD/YYYY') as played_on,
        to_timestamp_tz(played_at, 'YYYY-MM-DD"T"HH24:MI:SS.FF3TZH:TZM') as played_at,
        to_timestamp_ntz(loaded_at, 'DD/MM/YYYY HH24:MI') as loaded_at,
        cast(price as number(10,2)) as price,
        cast(duration_ms as number(38,0)) as duration_ms,
        cast(device as variant) as device,
        cast(genres as array) as genres,
        cast(skip_seconds as array) as skip_seconds

    from source

)

select * from renamed

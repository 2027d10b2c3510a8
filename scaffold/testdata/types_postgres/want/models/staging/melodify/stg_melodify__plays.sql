-- dataeng-os: generated from contract urn:datacontract:melodify:plays v1.0.0; hash sha256:546269129ca24d0d. Edit the contract and re-run dataeng-os scaffold; hand edits are kept unless --force.
with source as (

    select * from {{ source('melodify', 'plays') }}

),

renamed as (

    select
        cast(play_id as bigint) as play_id,
        cast(listener_id as numeric(20,0)) as listener_id,
        to_date(played_on, 'MM/DD/YYYY') as played_on,
        to_timestamp(played_at, 'YYYY-MM-DD"T"HH24:MI:SS.MSTZH:TZM') as played_at,
        cast(to_timestamp(loaded_at, 'DD/MM/YYYY HH24:MI') as timestamp) as loaded_at,
        cast(price as numeric(10,2)) as price,
        cast(duration_ms as integer) as duration_ms,
        cast(device as jsonb) as device,
        array(select cast(e as text) from jsonb_array_elements_text(cast(genres as jsonb)) as e) as genres,
        array(select cast(e as integer) from jsonb_array_elements_text(cast(skip_seconds as jsonb)) as e) as skip_seconds

    from source

)

select * from renamed

-- dataeng-os: generated from contract urn:datacontract:loja:cadastro v1.0.0; hash sha256:818cb112da09f59c. Edit the contract and re-run dataeng-os scaffold; hand edits are kept unless --force.
-- documentos left out: it holds nested PII without hash masking (documentos.rg) and the policy keeps PII out of marts
with clientes as (

    select * from {{ ref('stg_loja__clientes') }}

)

select
    cliente_id,
    case when dados_pessoais is null then null else json_merge_patch(json_merge_patch(json_merge_patch(json_merge_patch(dados_pessoais, json_object('cpf', to_json(sha256(json_extract_string(json_extract(dados_pessoais, '$."cpf"'), '$'))))), json_object('nome_completo', to_json(sha256(json_extract_string(json_extract(dados_pessoais, '$."nome_completo"'), '$'))))), json_object('email', to_json(sha256(json_extract_string(json_extract(dados_pessoais, '$."email"'), '$'))))), json_object('data_nascimento', to_json(sha256(json_extract_string(json_extract(dados_pessoais, '$."data_nascimento"'), '$'))))) end as dados_pessoais,
    case when contatos is null then null else to_json(list_transform(cast(contatos as json[]), lambda e1: json_merge_patch(e1, json_object('numero', to_json(sha256(json_extract_string(json_extract(e1, '$."numero"'), '$'))))))) end as contatos,
    case when outros_contatos is null then null else to_json(list_transform(cast(outros_contatos as json[]), lambda e1: to_json(sha256(json_extract_string(e1, '$'))))) end as outros_contatos,
    segmento

from clientes

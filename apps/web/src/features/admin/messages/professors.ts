import { defineMessages } from '../../../lib/i18n/i18n';

export const professorsMessages = defineMessages({
  ko: {
    title: '교수 관리',
    filter: '학과로 보기',
    createHeading: '교수 추가',
    name: '이름',
    listHeading: '교수 목록',
    listCaption: '교수 {count}명',
    sections: '담당 분반',
    editTitle: '{name} 정보 수정',
    deleteTitle: '{name} 삭제',
    deleteBody: '{name} 교수를 삭제합니다. 담당하던 분반 {count}개는 "교수 미정"이 됩니다.',
    createdOne: '{name} 교수를 추가했습니다.',
    savedOne: '{name} 교수 정보를 저장했습니다.',
    deletedOne: '{name} 교수를 삭제했습니다.',
  },
  en: {
    title: 'Professors',
    filter: 'Show department',
    createHeading: 'Add a professor',
    name: 'Name',
    listHeading: 'All professors',
    listCaption: '{count} professors',
    sections: 'Sections taught',
    editTitle: 'Edit {name}',
    deleteTitle: 'Delete {name}',
    deleteBody: 'Deletes professor {name}. Their {count} sections become "professor to be announced".',
    createdOne: 'Added professor {name}.',
    savedOne: 'Saved professor {name}.',
    deletedOne: 'Deleted professor {name}.',
  },
});
